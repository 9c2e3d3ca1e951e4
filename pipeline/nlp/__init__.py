"""Language analysis of a clean article, in layers:

    analyze.py   parse once, run every extractor (the one entry point)
    events/      who did what to whom (PLOVER)        uses entities, dates
    statements/  who said what                        uses entities
    entities/    who and what is named, stable ids    uses parsing
    dates/       time expressions
    parsing/     the spaCy pipeline and the parse
    lexicon.py   loader of the word lists each package keeps in its lexicons/

A package is used through the names its ``__init__`` exports; a lower
layer never imports a higher one (tests/unit/test_architecture.py).
"""
