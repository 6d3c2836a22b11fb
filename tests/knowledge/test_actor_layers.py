"""A user's actor file replaces the packaged negotiation's people and bodies, keeping the world's
states and news outlets, the packaged actors its own actors are affiliated with, and every
generic role; ``keep_packaged_actors: true`` keeps them all; without a user file nothing
changes. The actor file here is written for the test."""

from __future__ import annotations

from pathlib import Path

from redline.knowledge.actors import load_actors

USER = """
parties:
  brannock: Brannock
  tessaly: Tessaly
actors:
  - id: brannock
    name: Brannock
    type: state
    party: brannock
  - id: ilka-varro
    name: Ilka Varro
    type: person
    titles: [Brannock trade minister]
    affiliation: brannock
    party: brannock
  - id: tessaly-envoy
    name: Oren Tal
    type: person
    affiliation: nato
    party: tessaly
places:
  brannock: [Brannock, Brannockian]
"""


def _file(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "actors.yaml"
    path.write_text(extra + USER, encoding="utf-8")
    return path


def test_a_user_file_replaces_the_packaged_negotiations_actors(tmp_path: Path) -> None:
    base = load_actors([_file(tmp_path)])
    assert "ilka-varro" in base and "brannock" in base
    assert "vladimir-putin" not in base and "kremlin" not in base  # the 2025 talks' own
    assert "france" in base and "reuters" in base  # a state and an outlet: the world's
    assert "nato" in base  # a user's actor is affiliated with it
    assert not [a for a in base if a.type == "person" and a.id not in {"ilka-varro", "tessaly-envoy"}]
    assert len(list(base)) < len(list(load_actors())) - 80


def test_a_user_file_can_keep_every_packaged_actor(tmp_path: Path) -> None:
    base = load_actors([_file(tmp_path, "keep_packaged_actors: true\n")])
    assert "vladimir-putin" in base and "kremlin" in base and "ilka-varro" in base


def test_without_a_user_file_the_packaged_actors_are_all_there() -> None:
    base = load_actors()
    assert "vladimir-putin" in base and "kremlin" in base and "reuters" in base
