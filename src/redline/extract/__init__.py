"""The NLP core: from a Document to an Extraction. No I/O happens below this package."""
