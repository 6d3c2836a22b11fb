"""English word classes and dependency-label sets shared by the extraction rules.

The rules read spaCy's English parse (ClearNLP dependency labels, Penn tags). Which labels
count as a subject, which as an object, which words are relative pronouns or determiners is
grammar, not lexicon, and was spelt out again in each rule module; one home keeps the rules
agreeing ("is this a subject?" has one answer) and marks what a parser for another language
or another label scheme would have to supply. Open word lists that a user may want to edit
(cue verbs, actor titles, media names) stay in ``redline/knowledge/*.yaml``.
"""

from __future__ import annotations

# -- dependency labels ----------------------------------------------------------------------
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
SUBJECTS = NOMINAL_SUBJECTS | {"csubj"}
SUBJECTS_OR_EXPLETIVE = SUBJECTS | {"expl"}  # "it" of "it is said that ...", for pronoun salience
OBJECTS = frozenset({"dobj", "pobj", "dative", "attr", "oprd", "iobj"})
CLAUSE_LINKS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "cc", "punct"}
)
PREMODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "case", "punct", "prep", "pobj"})

# -- parts of speech ------------------------------------------------------------------------
NOMINAL_POS = frozenset({"PROPN", "NOUN", "PRON"})
IN_NAME_POS = NOMINAL_POS | {"DET", "ADJ", "NUM", "PART"}  # words a written mention can hold
TIME_ENTS = frozenset({"DATE", "TIME"})  # entity types that name a time (never a speaker or content)

# -- closed word classes (lower case) -------------------------------------------------------
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
DEMONSTRATIVE_PRONOUNS = frozenset({"this", "that", "these", "those"})
DEMONSTRATIVES = frozenset({"this", "that"})  # "This was reported by ...": points back at what was said
# determiners that point back at something said before ("such provisions", "these elements")
ANAPHORIC_DETERMINERS = frozenset({"this", "that", "these", "those", "such"})
POSSESSIVE_DETERMINERS = frozenset({"its", "their", "his", "her"})
INDEFINITE_QUANTIFIERS = frozenset(
    {"a", "an", "some", "several", "two", "three", "many", "one", "another", "other"}
)
# words that rank a role without making it another office ("Ukraine's first deputy foreign
# minister" is still "Ukraine's deputy foreign minister"; a "vice" or "deputy" would not be)
RANK_WORDS = frozenset({"first", "senior", "top", "current"})
# words that make a second office of a role: "the vice chair" or "a deputy prosecutor" is not
# "the chair" or "the prosecutor"
SECOND_RANKS = frozenset({"vice", "deputy", "assistant"})
# quantifiers that stand for a noun named before ("Opposition leaders were split. Some said ...,
# while others ..."): part of that group
PARTITIVE_PRONOUNS = frozenset({"some", "others", "many", "most", "several", "all"})
# quantifiers that stand for one member only with "of them" ("One of them said"; a bare "One
# said" is rare and "one" alone is often the impersonal pronoun)
MEMBER_PRONOUNS = frozenset({"one", "each", "either", "neither"})
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
# subordinators of an adverbial clause ("if Putin does not stop", "after the talks ended")
SUBORDINATORS = frozenset(
    {
        "if",
        "unless",
        "when",
        "whenever",
        "after",
        "before",
        "because",
        "since",
        "as",
        "while",
        "although",
        "though",
        "until",
        "once",
        "whereas",
    }
)
# words that open a content clause and are not part of what was said ("said that ...")
CLAUSE_OPENERS = frozenset({"that", "and", "but", "or", "whether", "if", ":", ",", ";", "-", "—", "–"})

# -- punctuation ----------------------------------------------------------------------------
DASHES = frozenset({"―", "—", "–", "-", "--"})
OPENING_QUOTES = frozenset({"“", "«", "„"})
CLOSING_QUOTES = frozenset({"”", "»"})

# -- answers to a yes/no question -----------------------------------------------------------
# a reply that is only these words takes its proposition from the question it answers
# ("Asked whether Kyiv would cede the east, he replied: 'Never.'"): ``extract/answers.py``
ANSWER_NO = frozenset(
    {"no", "never", "not", "nope", "nothing", "impossible", "out of the question", "not at all", "no way"}
)
ANSWER_YES = frozenset(
    {"yes", "yeah", "sure", "certainly", "absolutely", "definitely", "of course", "indeed"}
)
# the words a short answer may add around its particle ("absolutely not", "no, never")
ANSWER_FILLERS = frozenset({"absolutely", "certainly", "definitely", "of course", "surely", "well", "oh"})
# the auxiliary an elliptical answer ends on ("it would not", "we will", "they did not")
ANSWER_AUXILIARIES = frozenset(
    {
        "would",
        "will",
        "could",
        "can",
        "does",
        "do",
        "did",
        "is",
        "are",
        "was",
        "were",
        "should",
        "shall",
        "has",
        "have",
        "had",
    }
)
ANSWER_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "it", "they", "that", "this"})
