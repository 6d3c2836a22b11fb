"""Output targets: stdout, whole files only, clear errors for paths that cannot be written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from redline.errors import ConfigError
from redline.export import open_output, write_rows


def test_file_appears_whole_with_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with open_output(str(target)) as out:
        write_rows([{"a": "é", "b": [1, 2]}, {"a": None, "b": True}], ("a", "b"), "csv", out)
        assert not target.exists()  # written beside it, renamed at the end
    assert target.read_bytes() == "a,b\né,1;2\n,true\n".encode()
    assert os.stat(target).st_mode & 0o777 == 0o666 & ~_umask()
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), open_output(target) as out:
        out.write("partial")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_dash_is_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    with open_output("-") as out:
        write_rows([{"a": 1}], ("a",), "json", out)
    assert capsys.readouterr().out == '[\n{"a": 1}\n]\n'


def test_unwritable_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="does not exist"), open_output(tmp_path / "no" / "x.csv"):
        pass
    with pytest.raises(ConfigError, match="is a folder"), open_output(tmp_path):
        pass

    def refuse(**_: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    # a read-only folder, as a non-root user meets it (root may write anywhere)
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with (
        pytest.raises(ConfigError, match="cannot write here: Permission denied"),
        open_output(tmp_path / "x"),
    ):
        pass


def test_empty_json_is_an_empty_array(tmp_path: Path) -> None:
    target = tmp_path / "e.json"
    with open_output(target) as out:
        assert write_rows([], ("a",), "json", out) == 0
    assert target.read_text() == "[]\n"
