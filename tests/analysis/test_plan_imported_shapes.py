"""Shapes of drafts a user imports from elsewhere: a PDF copy with bare page numbers, LaTeX
source, articles whose paragraphs are numbered afresh in each, consolidated texts with inserted
points ("4A") and amendment notes, and OCR that misreads the digits of point numbers.

Every text here is written for these tests (fictional provisions).
"""

from __future__ import annotations

from pathlib import Path

from redline.analysis.draft_latex import latex_source
from redline.analysis.draft_layout import page_numbers
from redline.analysis.draft_ocr import misread_numbers
from redline.analysis.plans import load_plan, parse_plan_text


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
    assert page_numbers([*lines[:6], "Head", "", "9"], {6}) == set()


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


CONSOLIDATED = """Compact on the Marsh Roads
Consolidated text, as amended by the Second Protocol

1. Toll gates on the marsh roads are opened at sunrise.

2. Carts may carry up to [F1 two tonnes] of peat.

Textual Amendments
F1 Words in point 2 substituted by the Second Protocol, art. 1

[F2 2A. The ferry at Holm runs twice a day in winter.]

Textual Amendments
F2 Point 2A inserted by the Second Protocol, art. 2

3. . . . . . . . . [F3]

Textual Amendments
F3 Point 3 repealed by the Second Protocol, art. 3

4. The wardens of both villages meet every spring.

Annotations:
Modifications etc. (not altering text)
C1 Point 4: first meeting moved to summer by the Second Protocol, art. 4
"""


def test_a_consolidated_text_reads_as_it_stands_with_inserted_points_lettered() -> None:
    assert read(CONSOLIDATED) == [
        ("1", "Toll gates on the marsh roads are opened at sunrise."),
        ("2", "Carts may carry up to two tonnes of peat."),
        ("2A", "The ferry at Holm runs twice a day in winter."),
        ("4", "The wardens of both villages meet every spring."),
    ]


def test_brackets_with_no_notes_explaining_them_stay() -> None:
    text = "1. The gate [G1 north] opens.\n2. The gate closes at dusk.\n"
    assert [t for _, t in read(text)] == ["The gate [G1 north] opens.", "The gate closes at dusk."]


OCR = """DRAFT F0R THE HlLL PASS
|
l. Herders may cross the pass from May to October.
~
2. Each side keeps one post at the saddle.
| 3. The old shelter is rebuilt by both sides.
4, Lost animals are returned within a week.
5. A joint council hears disputes over grazing.
6. Snow clearing is shared by turns.
7. The pass road is mended each spring.
8. Traders pay no duty on wool.
9. The council meets at the shelter.
I0. This text takes effect at the first thaw.
"""


def test_point_numbers_ocr_misread_are_read_where_the_count_expects_them() -> None:
    points = read(OCR)
    assert [n for n, _ in points] == [str(k) for k in range(1, 11)]
    assert points[0][1] == "Herders may cross the pass from May to October."
    assert points[2][1] == "The old shelter is rebuilt by both sides."
    assert points[9][1] == "This text takes effect at the first thaw."


def test_a_roman_section_after_point_ten_is_no_misread_eleven() -> None:
    lines = [f"{k}. Clause {k} applies." for k in range(1, 11)]
    assert misread_numbers([*lines, "II. Trade shall be free across the river."])[-1].startswith("II.")


def test_a_line_opening_with_a_misread_looking_number_out_of_count_stays_text() -> None:
    text = "1. Wells are shared.\n2. Flocks graze by turns,\nI0. is the limit of each flock.\n"
    assert read(text)[1] == ("2", "Flocks graze by turns, I0. is the limit of each flock.")


BRIEFING = """TRANSCRIPT - briefing by the mediator

MEDIATOR: Good afternoon. I will read the three points as they now stand.

Point number one. The herds may graze on both banks from April.

Two - and this one was hard. Each village names two wardens for the
common pasture. (Inaudible.) Two, yes.

And three, the last. The wardens meet at the mill every month.

QUESTION: On point two, who pays the wardens?
"""


def test_a_briefing_that_reads_the_points_aloud_numbers_them_as_spoken() -> None:
    assert read(BRIEFING) == [
        ("1", "The herds may graze on both banks from April."),
        ("2", "Each village names two wardens for the common pasture."),
        ("3", "The wardens meet at the mill every month."),
    ]


STORY = """Valley pact trimmed to three points

Mediators said on Monday that points 2 and 3 had been rewritten overnight.

Point 1 opens the valley road to carts; point 2 sets the toll at one coin, and
under point 3 the two mayors meet each month. Neither mayor would comment.
"""


def test_a_story_giving_the_points_clause_by_clause_is_read_clause_by_clause() -> None:
    assert read(STORY) == [
        ("1", "Point 1 opens the valley road to carts"),
        ("2", "point 2 sets the toll at one coin"),
        ("3", "under point 3 the two mayors meet each month."),
    ]


def test_a_tex_file_is_read_as_latex(tmp_path: Path) -> None:
    path = tmp_path / "draft.tex"
    path.write_text(LATEX, encoding="utf-8")
    version = load_plan(path, plan="p", label="v")
    assert [p.number for p in version.points] == ["1", "2", "3", "4"]
