"""The lexicon: each vocabulary once, as data, its codes those of the dbt seeds."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from beilun_etl.extraction.lexicon import LEXICON_DIR, LexiconError, lexicon, load_lexicon
from beilun_etl.paths import DICTIONARY_DIR

EXTRACTION = Path(__file__).resolve().parents[1] / "beilun_etl" / "extraction"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, target)
    return target


def test_a_unit_code_the_seed_lacks_is_an_error(tmp_path):
    target = _copy(tmp_path)
    units = target / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("[tonne, 1]", "[ton, 1]", 1), encoding="utf-8")
    with pytest.raises(LexiconError, match="ton"):
        load_lexicon(target, Path(DICTIONARY_DIR))


def test_a_qualifier_kind_the_seed_lacks_is_an_error(tmp_path):
    target = _copy(tmp_path)
    path = target / "qualifiers.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("逾: more_than", "逾: above", 1), encoding="utf-8")
    with pytest.raises(LexiconError, match="above"):
        load_lexicon(target, Path(DICTIONARY_DIR))


def test_every_unit_maps_to_a_seed_code():
    seed_codes = {line.split(",")[0] for line in (Path(DICTIONARY_DIR) / "units.csv").read_text().splitlines()[1:]}
    codes = {code for code, _factor in lexicon().units.values()}
    assert codes and codes <= seed_codes
    assert lexicon().units["万亿元"] == ("CNY", 1e12)


def _typed_runs(source: str, words: set[str], length: int = 3) -> list[str]:
    """Runs of `length` or more words of `words` joined by | (a list typed again instead of read)."""
    runs = []
    for alt in re.findall(r"[\u4e00-\u9fff]+(?:\|[\u4e00-\u9fff]+)+", source):
        run: list[str] = []
        for word in [*alt.split("|"), ""]:
            if word in words:
                run.append(word)
                continue
            if len(run) >= length:
                runs.append("|".join(run))
            run = []
    return runs


def test_no_vocabulary_is_typed_again_in_code():
    lex = lexicon()
    lists = {
        "rank verbs": {*lex.place_verbs, *lex.group_verbs},
        "qualifiers": {*lex.qualifiers_before, *lex.qualifiers_after},
        "relative years": set(lex.periods["relative_years"]),
        "year parts": set(lex.periods["year_parts"]),
        "scopes": set(lex.rank_scopes),
    }
    typed = [
        (name, module.name, run)
        for module in sorted(EXTRACTION.glob("*.py"))
        for name, words in lists.items()
        for run in _typed_runs(module.read_text(encoding="utf-8"), words)
    ]
    assert not typed, typed


def test_typed_runs_finds_a_list_typed_again():
    assert _typed_runs('re.compile(r"(?:位居|稳居|位列)第")', {"位居", "稳居", "位列"}) == ["位居|稳居|位列"]


def test_the_alias_automaton_finds_what_a_longest_first_alternation_finds():
    """The trie regex (its wide nodes split into groups behind a lookahead) must match exactly what the
    plain longest-first alternation of the same aliases matches: the real aliases over text built from
    them, with prefixes of one another and characters no alias starts with between them."""
    import random
    import re

    from beilun_etl.extraction.dictionaries import _FAN_OUT, _alias_regex, load_dictionaries

    aliases = list(load_dictionaries().indicator_alias)
    assert len({a[0] for a in aliases}) > _FAN_OUT  # the root is split into groups
    plain = re.compile("|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)))
    trie = _alias_regex(aliases)
    rng = random.Random(7)
    pieces = [*rng.sample(aliases, 400), *(a[:-1] for a in rng.sample(aliases, 200)), "，", "增长", "亿元", "3.5%"]
    text = "".join(rng.choice(pieces) for _ in range(3000))
    found = [(m.start(), m.group()) for m in trie.finditer(text)]
    assert len(found) > 1000
    assert found == [(m.start(), m.group()) for m in plain.finditer(text)]
