"""The search syntax in words: the store implements it, every interface explains it with this text.

A module of its own so the command line can show the help without loading the store.
"""

SEARCH_HELP = (
    "Full-text search of what was said (not of the speaker: filter by actor): words must all appear; "
    '"a phrase" as written; a OR b; -word excludes.'
)
