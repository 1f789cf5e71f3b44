"""Mentions -> events: linking across outlets, fields by agreement, control and slant."""

from warwire.merge.control import control_changes
from warwire.merge.link import MergeState, merge_mentions
from warwire.merge.slant import OutletSlant, outlet_slant

__all__ = ["MergeState", "OutletSlant", "control_changes", "merge_mentions", "outlet_slant"]
