"""The README's set-up, for real: a fresh virtualenv with the pip it bundles, the locked install,
the main job. Slow (a minute or two with a warm pip cache), and run in CI on purpose: a lock can
break when the registry publishes something new, and only a real install notices.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from test_docs import readme_commands

pytestmark = pytest.mark.install

ROOT = Path(__file__).resolve().parents[1]
NOT_COPIED = shutil.ignore_patterns(
    ".venv", ".git", "*.db", "__pycache__", ".*_cache", "*.egg-info", "build", "dist"
)


def _base_python_env() -> dict[str, str]:
    """PATH with the interpreter this venv was made from first, so `python3` is a plain Python
    whose venv bundles its own pip, as on a fresh machine (not this test run's venv)."""
    base = Path(getattr(sys, "_base_executable", sys.executable)).resolve().parent
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH", "REDLINE_DB"}}
    env["PATH"] = f"{base}{os.pathsep}{env.get('PATH', '')}"
    return env


def test_readme_main_command_installs_and_runs_in_a_fresh_venv(tmp_path: Path) -> None:
    checkout = tmp_path / "redline"
    shutil.copytree(ROOT, checkout, ignore=NOT_COPIED)
    env = _base_python_env()
    bundled = subprocess.run(
        ["python3", "-m", "pip", "--version"], env=env, capture_output=True, text=True, check=True
    )
    main_command = readme_commands()[0]
    done = subprocess.run(
        ["bash", "-c", main_command],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, f"{main_command}\n(pip bundled: {bundled.stdout})\n{done.stderr[-4000:]}"
    assert "where each party stands" in done.stdout
    assert re.search(r"statements \(reprints counted once\)\s+\d+", done.stdout)

    venv_python = checkout / ".venv" / "bin" / "python"
    imported = subprocess.run(
        [str(venv_python), "-c", "import redline.cli, lxml.html.clean; print(redline.__version__)"],
        cwd=tmp_path,  # not the checkout: the installed package, not the source tree
        env=env,
        capture_output=True,
        text=True,
    )
    assert imported.returncode == 0, imported.stderr
    assert (checkout / "redline.db").is_file()


def test_an_unpinned_install_gets_what_the_html_reader_imports() -> None:
    """`pip install redline` without the lock: lxml 5.2+ moved lxml.html.clean, which justext
    (under trafilatura) imports, into its own project; redline asks for it by name."""
    requires = importlib.metadata.requires("redline") or []
    names = {re.split(r"[ <>=;\[]", r, maxsplit=1)[0].lower().replace("-", "_") for r in requires}
    assert "lxml_html_clean" in names
