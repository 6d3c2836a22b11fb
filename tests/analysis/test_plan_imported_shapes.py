"""Shapes of drafts a user imports from elsewhere: a PDF copy with bare page numbers, LaTeX
source, articles whose paragraphs are numbered afresh in each, consolidated texts with inserted
points ("4A") and amendment notes, and OCR that misreads the digits of point numbers.

Every text here is written for these tests (fictional provisions).
"""

from __future__ import annotations

from redline.analysis.draft_latex import latex_source
from redline.analysis.draft_layout import page_numbers
from redline.analysis.plans import parse_plan_text


def read(text: str) -> list[tuple[str, str]]:
    return [(p.number, p.text) for p in parse_plan_text(text, plan="p", label="v", where="draft.txt").points]


PDF_COPY = """Orchard Valley Accord
MEDIATORS' TEXT

1.
Shelling of the orchard villages stops at noon on the first day.

2.
Each side pulls its mortars back
eight kilometres from the canal.

3.
The canal locks are run by a joint crew

1
Orchard Valley Accord
MEDIATORS' TEXT

of engineers from both sides.

4.
Seed and fuel reach the farms before the spring sowing.

2
"""


def test_page_numbers_alone_on_their_lines_are_no_text() -> None:
    points = read(PDF_COPY)
    assert [n for n, _ in points] == ["1", "2", "3", "4"]
    # a first line that runs on in lower case is no title
    assert points[1][1] == "Each side pulls its mortars back eight kilometres from the canal."
    assert points[2][1] == "The canal locks are run by a joint crew of engineers from both sides."
    assert points[3][1] == "Seed and fuel reach the farms before the spring sowing."


def test_a_bare_number_is_a_page_number_only_before_a_header_or_the_end() -> None:
    lines = ["Head", "", "1.", "Text.", "", "7", "Head", "", "More text.", "", "8"]
    assert page_numbers(lines, {6}) == {5, 10}
    # a lone number that does not count up with the others is a figure, not a page number
    assert page_numbers(lines[:6] + ["Head", "", "9"], {6}) == set()


ARTICLES = """TREATY OF THE TWO FORDS

The Parties have agreed as follows:

Article 1 - Truce

1. Fighting stops at both fords at dawn on the day after signature.

2. Each Party tells its patrols within four hours.

Article 2 - Fords

1. The upper ford is opened to carts on market days.

2. The lower ford stays closed until the bridge is rebuilt.

Article 3 - Tolls

No toll is taken at either ford for two years.

Article 4 - Entry into force

1. This Treaty enters into force on signature.

2. It is done in two copies, both equally valid.

For the Upper Shire                    For the Lower Shire
"""


def test_articles_with_paragraphs_numbered_afresh_are_one_point_each() -> None:
    version = parse_plan_text(ARTICLES, plan="p", label="v")
    assert [p.number for p in version.points] == ["1", "2", "3", "4"]
    assert version.points[0].text == (
        "Fighting stops at both fords at dawn on the day after signature. "
        "Each Party tells its patrols within four hours."
    )
    assert version.points[0].heading == "Truce"
    assert version.points[2].text == "No toll is taken at either ford for two years."
    assert version.points[2].heading == "Tolls"
    assert version.points[3].text.endswith("It is done in two copies, both equally valid.")


LATEX = r"""\documentclass{article}
\usepackage{enumitem}
\begin{document}
\section{Security}
% first list
\begin{enumerate}
  \item Patrols stop at the
  salt road~at dusk.\footnote{Asked for by
  the western side.}
  \item\label{it:wells} The wells of Sarn are shared --- by day only.
\end{enumerate}
\section{Trade}
\begin{enumerate}[resume]
  % \item A dropped item.
  \item Caravans pass the wells of item~\ref{it:wells} free of \textbf{any} toll.
  \item Salt is sold at 2\,000 coins a load.
\end{enumerate}
\begin{tabular}{ll}
For the West & For the East \\
\end{tabular}
\end{document}
"""


def test_latex_items_are_numbered_as_the_document_prints_them() -> None:
    points = read(LATEX)
    assert points == [
        ("1", "Patrols stop at the salt road at dusk."),
        ("2", "The wells of Sarn are shared \u2014 by day only."),
        ("3", "Caravans pass the wells of item 2 free of any toll."),
        ("4", "Salt is sold at 2 000 coins a load."),
    ]


def test_text_that_is_no_latex_is_left_as_it_is() -> None:
    text = "1. A path\\way is opened.\n2. 50% of the toll is waived.\n"
    assert latex_source(text) == text
