"""Event coding: from article text to ACLED-typed event mentions with their evidence."""

from warwire.code.coder import code_article, code_articles

__all__ = ["code_article", "code_articles"]
