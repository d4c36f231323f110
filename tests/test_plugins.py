"""Rule packs shared like plugins: an installed distribution names its packs under the entry
point group `termlint.packs`, and a rules list says `NAME:PACK` (tested with a real wheel,
installed by pip)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, existence_rule

HOUSE = "version: 1\nname: acme-house\nrules:\n" + existence_rule("AC001", "widget")


def _wheel(folder: Path, files: dict[str, str]) -> Path:
    """A pure-Python wheel holding `files`, with a RECORD pip accepts."""
    path = folder / "acme_style-1.2-py3-none-any.whl"
    record = []
    with zipfile.ZipFile(path, "w") as wheel:
        for name, text in files.items():
            data = text.encode()
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            record.append(f"{name},sha256={digest.decode()},{len(data)}")
            wheel.writestr(name, data)
        record.append("acme_style-1.2.dist-info/RECORD,,")
        wheel.writestr("acme_style-1.2.dist-info/RECORD", "\n".join(record) + "\n")
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder where pip installed the distribution acme-style 1.2, which ships two packs."""
    folder = tmp_path_factory.mktemp("plugin")
    info = "acme_style-1.2.dist-info"
    wheel = _wheel(folder, {
        "acme_style/__init__.py": "raise RuntimeError('a rule pack is data: never imported')\n",
        "acme_style/house.yaml": HOUSE,
        "acme_style/brand.yaml": HOUSE.replace("AC001", "AC002").replace("acme-house", "b"),
        f"{info}/METADATA": "Metadata-Version: 2.1\nName: acme-style\nVersion: 1.2\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
                         "Tag: py3-none-any\n",
        f"{info}/entry_points.txt": "[termlint.packs]\nacme = acme_style\n"
                                    "broken = no_such_module\n",
    })
    target = folder / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--disable-pip-version-check", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    return target


def termlint(site: Path, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(site)])}
    return subprocess.run([sys.executable, "-m", "termlint", *map(str, args)], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=120, check=False)


def test_a_pack_from_an_installed_distribution(site: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("A widget. Precision medicine, also known as personalized medicine.\n")
    (tmp_path / ".termlint.yaml").write_text("rules: [builtin:precision-medicine, acme:house]\n")
    result = termlint(site, "--format", "json", "draft.md", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert rules == {"AC001", "PM101"}
    # --extend-rules takes the same spec; --list-rules says where each pack came from.
    listed = termlint(site, "--extend-rules", "acme:brand", "--list-rules", cwd=tmp_path)
    assert "AC002" in listed.stdout
    line = next(line for line in listed.stdout.splitlines() if line.startswith("AC001"))
    assert line.endswith("(acme-house, acme-style 1.2 (acme))")
    assert "(precision-medicine, bundled)" in listed.stdout
    # Its findings are cached like any pack's, and the kept pack still says where it is from.
    assert termlint(site, "--format", "json", "draft.md", cwd=tmp_path).stdout == result.stdout


@pytest.mark.parametrize(("spec", "problem"), [
    ("acm:house", "no installed rule pack 'acm' (did you mean 'acme'?)"),
    ("acme:hose", "acme-style 1.2 (acme) has no rule pack 'hose' (did you mean 'house'?); "
                  "it has: brand, house"),
    ("broken:x", "rule pack 'broken' from acme-style 1.2 (broken) is broken"),
])
def test_a_bad_plugin_spec_is_one_clear_line(site: Path, tmp_path: Path, spec: str,
                                             problem: str) -> None:
    (tmp_path / "draft.md").write_text("A widget.\n")
    result = termlint(site, "--rules", spec, "draft.md", cwd=tmp_path)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"{spec}: {problem}")


def test_a_file_wins_over_a_plugin_spec(site: Path, tmp_path: Path) -> None:
    # "acme:house" as a file name next to the configuration is that file, not the plugin.
    (tmp_path / "acme:house").write_text(HOUSE.replace("widget", "gadget"))
    (tmp_path / ".termlint.yaml").write_text("rules: ['acme:house']\n")
    (tmp_path / "draft.md").write_text("A widget and a gadget.\n")
    result = termlint(site, "--format", "json", "draft.md", cwd=tmp_path)
    assert [f["match"] for f in json.loads(result.stdout)["findings"]] == ["gadget"]
