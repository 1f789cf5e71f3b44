"""warwire: conflict-event records from war reporting."""

__version__ = "0.1.0"
