"""Optional camel-tools morphology: used when its data is on disk, skipped cleanly when not.

Each case runs in a fresh interpreter because camel-tools reads its data
directory when first imported, and the issuer caches its per-text work.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

# A minimal but valid camel-tools MorphologyDB (format of camel_tools.morphology.database):
# one prefix "ت" (present tense, 3rd person feminine), one verb stem "ناشد", no suffix.
TINY_DB = (
    "\n".join(
        [
            "###DEFINES###",
            "DEFINE pos pos:verb pos:noun",
            "DEFINE lex lex:*open*",
            "DEFINE diac diac:*open*",
            "DEFINE bw bw:*open*",
            "###DEFAULTS###",
            "DEFAULT pos:verb lex:* diac:* bw:*",
            "###ORDER###",
            "ORDER pos lex diac bw",
            "###TOKENIZATIONS###",
            "TOKENIZATION diac",
            "###STEMBACKOFF###",
            "STEMBACKOFF NONE V",
            "###PREFIXES###",
            "\tP0\tdiac: bw:",
            "ت\tPt\tdiac:تُ bw:تُ/IV3FS",
            "###SUFFIXES###",
            "\tS0\tdiac: bw:",
            "###STEMS###",
            "ناشد\tV\tdiac:ناشِد lex:ناشَد_1 pos:verb bw:ناشِد/IV",
            "###TABLE AB###",
            "P0 V",
            "Pt V",
            "###TABLE BC###",
            "V S0",
            "###TABLE AC###",
            "P0 S0",
            "Pt S0",
        ]
    )
    + "\n"
)

# "تناشد" (present tense) is not in the rules' verb lexicon; only the analyser knows it.
PROBE = r"""
import json, logging, sys
logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(name)s %(levelname)s %(message)s")
from bot.summarize import morphology, summarize
s = summarize("تناشد وزارة الخارجية الأردنية المجتمع الدولي بالتحرك العاجل.")
morphology.analyses("تناشد"); morphology.analyses("تناشد")
print(json.dumps({"available": morphology.available(), "lemmas": sorted(morphology.verb_lemmas("تناشد")),
                  "issuer": s.issuer.to_dict() if s.issuer else None, "is_statement": s.is_statement,
                  "catalogue_imported": "camel_tools.data" in sys.modules}))
"""


def run_probe(tmp_path: Path, env_extra: dict[str, str]) -> tuple[dict, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("CAMELTOOLS_DATA", "BAYAN_MORPHOLOGY_DB")
    }
    env["HOME"] = str(tmp_path / "home")  # camel-tools creates ~/.camel_tools on import
    env.update(env_extra)
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout), out.stderr


def test_with_a_morphology_database_a_present_tense_statement_verb_is_recognised(tmp_path):
    data = tmp_path / "ct-data"
    data.mkdir()
    (data / "catalogue.json").write_text(
        json.dumps({"version": "1.6", "packages": {}, "components": {}})
    )
    db = tmp_path / "morphology.db"
    db.write_text(TINY_DB, encoding="utf-8")
    result, log = run_probe(
        tmp_path, {"CAMELTOOLS_DATA": str(data), "BAYAN_MORPHOLOGY_DB": str(db)}
    )
    assert result["available"] is True
    assert result["lemmas"] == ["ناشد"]
    assert result["issuer"] == {"name": "وزارة الخارجية", "country": "JO"}
    assert result["is_statement"] is True
    assert "morphology loaded from" in log
    assert result["catalogue_imported"] is True


def test_without_data_the_rules_only_path_is_used_and_logged_once(tmp_path):
    empty = tmp_path / "no-data"
    empty.mkdir()
    # the learned scorer off: this is about the rules, which alone do not know "تناشد"
    result, log = run_probe(
        tmp_path, {"CAMELTOOLS_DATA": str(empty), "BAYAN_LEARNED_WEIGHTS": "off"}
    )
    assert result["available"] is False
    assert result["lemmas"] == []
    assert result["issuer"] is None  # the rules alone do not know "تناشد"
    assert log.count("rules-only path") == 1
    assert result["catalogue_imported"] is False  # the module that downloads was never imported
    assert not (empty / "catalogue.json").exists()


def test_a_database_without_the_catalogue_is_not_imported(tmp_path):
    data = tmp_path / "ct-data"
    data.mkdir()
    db = tmp_path / "morphology.db"
    db.write_text(TINY_DB, encoding="utf-8")
    result, log = run_probe(
        tmp_path, {"CAMELTOOLS_DATA": str(data), "BAYAN_MORPHOLOGY_DB": str(db)}
    )
    assert result["available"] is False
    assert "rules-only path" in log
    assert result["catalogue_imported"] is False


def test_a_broken_database_file_degrades_to_rules(tmp_path):
    data = tmp_path / "ct-data"
    data.mkdir()
    (data / "catalogue.json").write_text(
        json.dumps({"version": "1.6", "packages": {}, "components": {}})
    )
    db = tmp_path / "morphology.db"
    db.write_text("not a database\n", encoding="utf-8")
    result, log = run_probe(
        tmp_path, {"CAMELTOOLS_DATA": str(data), "BAYAN_MORPHOLOGY_DB": str(db)}
    )
    assert result["available"] is False
    assert "could not be loaded" in log
