"""Another negotiation's own sides and people tie no statement to the point that names them.

The packaged generic link words name the 2025 talks' parties and leaders; a user's actor file
names its own, and a draft's opening point ("between Velmora, Tasquan and the Orrin League")
must not collect every statement that names one of them.
"""

from __future__ import annotations

from pathlib import Path

from negotiation_builders import MakeStatement

from redline.analysis.linking import LinkOptions, link_statements
from redline.analysis.stored_positions import link_options
from redline.knowledge.actors import negotiating_names
from redline.knowledge.link_terms import load_generic_link_terms
from redline.model import Point

ACTORS = """\
parties:
  velmora: Velmora
  tasquan: Tasquan
  orrin: Orrin League
actors:
  - id: velmora
    name: Velmora
    type: state
    party: velmora
  - id: orrin-league
    name: Orrin League
    type: organization
    party: orrin
  - id: petra-lund
    name: Petra Lund
    type: person
    aliases: [Lund]
    party: tasquan
  - id: ferry-board
    name: Joint Ferry Board
    type: organization
    party: velmora
places:
  velmora: [Velmoran, Velmora, Aldport]
"""

POINTS = [
    Point("1", "The Parties conclude the Tollway Pact between Velmora, Tasquan and the Orrin League."),
    Point("2", "Tolls on the coastal bridge fall to four crowns per crossing within a year."),
    Point("3", "A Joint Ferry Board sets the ferry timetable each spring."),
]


def _actors(tmp_path: Path) -> Path:
    path = tmp_path / "actors.yaml"
    path.write_text(ACTORS, encoding="utf-8")
    return path


def test_the_user_parties_names_link_no_point(tmp_path: Path, statement: MakeStatement) -> None:
    s = statement("the Orrin League and Velmora will sign nothing this month", "Petra Lund", issues=())
    packaged = LinkOptions(generic=load_generic_link_terms())
    assert link_statements([s], POINTS, packaged)[s.id][0].number == "1"  # the names alone linked it
    assert s.id not in link_statements([s], POINTS, link_options([_actors(tmp_path)]))


def test_a_point_s_own_terms_still_link(tmp_path: Path, statement: MakeStatement) -> None:
    s = statement("Velmora wants tolls of four crowns per crossing on the coastal bridge", issues=())
    links = link_statements([s], POINTS, link_options([_actors(tmp_path)]))
    assert links[s.id][0].number == "2"


def test_negotiating_names_are_sides_places_states_and_people(tmp_path: Path) -> None:
    names = negotiating_names([_actors(tmp_path)])
    assert {"velmora", "tasquan", "orrin", "league", "velmoran", "aldport", "petra", "lund"} <= names
    assert not {"joint", "ferry", "board"} & names  # an organisation a point sets up stays its own
    assert negotiating_names() == frozenset()  # without a user's file, the packaged list alone
    assert link_options().generic == load_generic_link_terms()
