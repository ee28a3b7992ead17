"""The committed Bootstrap build was made from the templates as they are: the build
(static/src/build.mjs) keeps only the rules of the classes its sources used when it ran
(static/src/bootstrap-classes.json records them), so a template given a Bootstrap class
outside that list has no style until `cd static/src && npm ci && npm run build`."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
BOOTSTRAP = ROOT / "static" / "vendor" / "bootstrap"
CLASSES = json.loads((ROOT / "static" / "src" / "bootstrap-classes.json").read_text())
TEMPLATE_CODE = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.DOTALL)


def template_classes():
    """{class: first template using it} from every class="..." of the site's templates."""
    found = {}
    folders = [ROOT / "templates", *ROOT.glob("*/templates")]
    for path in sorted(file for folder in folders for file in folder.rglob("*.html")):
        for value in re.findall(r'class="([^"]*)"', path.read_text()):
            for name in TEMPLATE_CODE.sub(" ", value).split():
                found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def test_the_built_files_hold_only_classes_of_the_recorded_build():
    defined = set(CLASSES["defined"])
    assert {"btn", "alert-warning", "visually-hidden", "col-md-6"} <= defined
    for name in ("bootstrap.min.css", "bootstrap.rtl.min.css"):
        css = re.sub(r"/\*.*?\*/", "", (BOOTSTRAP / name).read_text(), flags=re.S)
        built = set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", css))
        assert {"btn", "container", "visually-hidden"} <= built
        assert built <= defined, f"{name} is not the recorded build: {built - defined}"


def test_every_bootstrap_class_a_template_uses_was_in_the_build_sources():
    defined, seen = set(CLASSES["defined"]), set(CLASSES["seen"])
    used = {name: path for name, path in template_classes().items() if name in defined}
    assert {"btn", "container"} <= used.keys()  # the scan reads the templates
    missing = {name: path for name, path in used.items() if name not in seen}
    assert missing == {}, f"not in the Bootstrap build: {missing}; run npm run build in static/src"
