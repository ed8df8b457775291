"""A second, independent implementation of annotation-guide section 7 (test oracle only).

Written from the guide and the definitions documented in `pipeline/evaluate/README.md`,
deliberately differently from `newsclaims.evaluate`: regular expressions instead of an offset
map, sets of character positions for overlap, a dynamic-programming longest common
substring, brute-force enumeration of every claim matching, Kuhn's augmenting paths for
figures and Counter intersection for dates. It shares no code with the scorer.
It is slow and only meant for small articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# --- words --------------------------------------------------------------------------------

HONORIFICS = """mr mrs ms miss dr doctor prof professor sir dame lord lady prince princess king
queen sheikh president premier chancellor minister senator governor mayor judge ambassador
general captain chairman chairwoman ceo director former acting deputy vice""".split()
MULTI_WORD_TITLES = [
    "prime minister",
    "vice president",
    "chief executive",
    "crown prince",
    "chief executive officer",
    "managing director",
    "secretary general",
]
NAME_SUFFIXES = ["jr", "sr", "ii", "iii", "phd", "ceo", "cfo"]
IRREGULAR = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "series": "series",
    "species": "species",
    "news": "news",
    "times": "times",
    "buses": "bus",
    "analyses": "analysis",
    "crises": "crisis",
    "feet": "foot",
}
PERCENT = {"%", "percent", "per cent", "pct", "percentage"}
UNIT_ALIASES = {
    "pp": "percentage point",
    "ppt": "percentage point",
    "bp": "basis point",
    "bps": "basis point",
    "pct point": "percentage point",
}
COMPARATORS = {
    None: "=",
    "": "=",
    "=": "=",
    "==": "=",
    ">": ">",
    ">=": ">=",
    "=>": ">=",
    "<": "<",
    "<=": "<=",
    "=<": "<=",
    "~": "~",
    "≥": ">=",
    "≤": "<=",
    "≈": "~",
}

# --- text -------------------------------------------------------------------------------

_SINGLE = "'‘’‚‛′`´"
_DOUBLE = '"“”„‟″«»'
_DASH = "-‐‑‒–—―−"


def _flat(text):
    """Normalised sentence: NFKC, lowercase, one kind of quote and dash, single spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(f"[{re.escape(_SINGLE)}]", "'", text)
    text = re.sub(f"[{re.escape(_DOUBLE)}]", '"', text)
    text = re.sub(f"[{re.escape(_DASH)}]", "-", text)
    return re.sub(r"\s+", " ", text.casefold()).strip()


def _pattern(sentence):
    """A regex finding a sentence in an article despite case, quotes, dashes and spacing."""
    parts = []
    for ch in unicodedata.normalize("NFKC", sentence).strip():
        if ch.isspace():
            if parts and parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif ch in _SINGLE:
            parts.append(f"[{re.escape(_SINGLE)}]")
        elif ch in _DOUBLE:
            parts.append(f"[{re.escape(_DOUBLE)}]")
        elif ch in _DASH:
            parts.append(f"[{re.escape(_DASH)}]")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts), re.IGNORECASE) if parts else None


def _places(article, sentence):
    """Start/end of every occurrence of `sentence` in `article`."""
    if not sentence.strip():
        return []
    places, at = [], article.find(sentence)
    while at != -1:
        places.append((at, at + len(sentence)))
        at = article.find(sentence, at + 1)
    if places:
        return places
    pattern = _pattern(sentence)
    found, pos = [], 0
    while pattern is not None:
        m = pattern.search(article, pos)
        if not m:
            break
        found.append((m.start(), m.end()))
        pos = m.start() + 1
    return found


def _who(speaker):
    if speaker is None:
        return None
    return (str(speaker.get("kind") or "").lower(), _name(speaker.get("name"), speaker.get("kind")))


def _place_all(claims, article, use_offsets):
    """Spans by the documented rule: own offsets when they agree with the text; the previous
    claim's span for a same-text claim whose speaker no claim at that span has; else the
    first occurrence at or after the last placed end, else the first one."""
    spans, last_end = [], 0
    for i, c in enumerate(claims):
        span = None
        s, e = c.get("start"), c.get("end")
        if use_offsets and s is not None and e is not None:
            if (
                type(s) is int
                and type(e) is int
                and 0 <= s < e <= len(article)
                and _flat(article[s:e]) == _flat(c.get("text"))
            ):
                span = (s, e)
        if span is None:
            prev = claims[i - 1] if i else None
            run = []  # the claims just before this one that sit at the previous claim's span
            k = i - 1
            while k >= 0 and spans[k] is not None and spans[k] == spans[i - 1]:
                run.append(_who(_spk(claims[k])))
                k -= 1
            if (
                prev is not None
                and spans[i - 1] is not None
                and _flat(prev.get("text")) == _flat(c.get("text"))
                and _who(_spk(c)) not in run
            ):
                span = spans[i - 1]
            else:
                options = _places(article, c.get("text") or "")
                after = [o for o in options if o[0] >= last_end]
                span = after[0] if after else (options[0] if options else None)
        if span is not None:
            last_end = span[1]
        spans.append(span)
    return spans


def _lcs(a, b):
    """Length of the longest common substring, by binary search over sets of substrings."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        size = (lo + hi + 1) // 2
        grams = {a[i : i + size] for i in range(len(a) - size + 1)}
        if any(b[i : i + size] in grams for i in range(len(b) - size + 1)):
            lo = size
        else:
            hi = size - 1
    return lo


def _shared(a, b):
    """(characters shared, length of the shorter) of two placed claims."""
    if a["span"] and b["span"]:
        ra, rb = set(range(*a["span"])), set(range(*b["span"]))
        return len(ra & rb), min(len(ra), len(rb))
    fa, fb = a["flat"], b["flat"]
    return _lcs(fa, fb), min(len(fa), len(fb))


def _overlaps(a, b):
    shared, shorter = _shared(a, b)
    return shorter > 0 and shared * 2 > shorter


# --- fields -----------------------------------------------------------------------------


def _spk(claim):
    s = claim.get("speaker")
    if isinstance(s, str):
        return {"name": s, "kind": None}
    return s if isinstance(s, dict) else None


def _name(text, kind=None):
    text = text or ""
    if kind == "person" and "," in text.strip(", "):
        text = text.strip(", ").split(",")[0]
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = re.findall(r"\w+", text.casefold())
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if kind == "person":
        starts = sorted(
            [t.split() for t in MULTI_WORD_TITLES] + [[h] for h in HONORIFICS],
            key=len,
            reverse=True,
        )
        again = True
        while again:
            again = False
            for t in starts:
                if len(words) > len(t) and words[: len(t)] == t:
                    words, again = words[len(t) :], True
                    break
        while len(words) > 1 and words[-1] in NAME_SUFFIXES:
            words = words[:-1]
    return " ".join(words)


def _speaker_ok(g, p):
    if g is None and p is None:
        return True
    if g is None or p is None:
        return False
    kind = str(g.get("kind") or "").lower()
    if kind != str(p.get("kind") or "").lower():
        return False
    if kind in ("person", "organization"):
        return _name(g.get("name"), kind) == _name(p.get("name"), kind)
    return True


def _target(t):
    if isinstance(t, dict):
        t = t.get("name")
    return _name(t) if t is not None and str(t).strip() else None


def _scored_pair_bonus(g, p):
    bonus = 0
    if "target" in g and _target(g.get("target")) == _target(p.get("target")):
        bonus += 1
    if g.get("modality") is not None and p.get("modality") is not None:
        bonus += str(g["modality"]).lower().strip() == str(p["modality"]).lower().strip()
    return bonus


def _singular(w):
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) <= 3 or not w.isalpha() or not w.endswith("s") or re.search(r"(ss|us|is)$", w):
        return w
    if re.search(r"ies$", w) and len(w) > 4:
        return w[:-3] + "y"
    if re.search(r"(sses|shes|ches|xes|zzes)$", w):
        return w[:-2]
    return w[:-1]


def _unit(u):
    if u is None:
        return None
    u = re.sub(r"\s+", " ", str(u).lower().replace("-", " ")).strip(" .")
    if not u:
        return None
    if u in PERCENT:
        return "%"
    if u in UNIT_ALIASES:
        return UNIT_ALIASES[u]
    words = u.split()
    u = " ".join(words[:-1] + [_singular(words[-1])])
    return "%" if u in PERCENT else UNIT_ALIASES.get(u, u)


def _number(v):
    if v is None or isinstance(v, bool):
        return None
    try:
        return float(str(v).replace(",", ""))
    except ValueError:
        return None


def _close(g, p):
    return p == 0 if g == 0 else abs(p - g) / abs(g) <= 0.005 + 1e-12


def _iso(d):
    return str(d)[:10] if d not in (None, "") else None


# --- matching -------------------------------------------------------------------------------


def _all_matchings(n_gold, edges):
    """Every matching (list of pairs sorted by gold) of a bipartite graph, by recursion."""
    by_gold = {}
    for g, p in edges:
        by_gold.setdefault(g, []).append(p)

    def walk(g, used):
        if g == n_gold:
            yield []
            return
        yield from walk(g + 1, used)
        for p in by_gold.get(g, []):
            if p not in used:
                for rest in walk(g + 1, used | {p}):
                    yield [(g, p)] + rest

    return walk(0, frozenset())


def _best_claim_matching(gold, pred, edges):
    best, best_key = [], None
    for m in _all_matchings(len(gold), edges):
        key = (
            len(m),
            sum(edges[x][0] for x in m),
            sum(edges[x][1] for x in m),
            sum(edges[x][2] for x in m),
        )
        order = sorted(m)
        if best_key is None or key > best_key or (key == best_key and order < best):
            best, best_key = order, key
    return best


def _kuhn(n_left, adjacency):
    """Maximum bipartite matching size by augmenting paths."""
    owner = {}

    def augment(u, seen):
        for v in adjacency[u]:
            if v in seen:
                continue
            seen.add(v)
            if v not in owner or augment(owner[v], seen):
                owner[v] = u
                return True
        return False

    return sum(augment(u, set()) for u in range(n_left))


# --- counting once per sentence -----------------------------------------------------------


def _same_sentence(a, b):
    if a["span"] and b["span"]:
        return _overlaps(a, b)
    return bool(a["flat"] and b["flat"]) and (a["flat"] in b["flat"] or b["flat"] in a["flat"])


def _per_sentence(side, extract):
    """Items (key, mention) of a side's claims, each counted once per sentence."""
    label = list(range(len(side)))
    changed = True
    while changed:  # label propagation to connected components
        changed = False
        for i in range(len(side)):
            for j in range(len(side)):
                if label[j] < label[i] and _same_sentence(side[i], side[j]):
                    label[i], changed = label[j], True
    keys, seen_mentions = [], set()
    for comp in sorted(set(label)):
        members = [side[i] for i in range(len(side)) if label[i] == comp]
        best = Counter()
        for m in members:
            for key, mention in extract(m["claim"]):
                if mention is not None:
                    if (mention, key) not in seen_mentions:
                        seen_mentions.add((mention, key))
                        keys.append(key)
            plain = Counter(k for k, mention in extract(m["claim"]) if mention is None)
            best |= plain  # Counter union keeps the larger count
        keys.extend(best.elements())
    return keys


def _offsets(entry):
    s, e = entry.get("start"), entry.get("end")
    return (s, e) if type(s) is int and type(e) is int else None


def _figures(claim):
    out = []
    for f in claim.get("figures") or []:
        v = _number(f.get("value"))
        if v is None:
            continue
        c = COMPARATORS.get(f.get("comparator"), "?" + str(f.get("comparator")))
        out.append(((v, _unit(f.get("unit")), c), _offsets(f)))
    return out


def _dates(claim):
    out = []
    for d in claim.get("dates") or []:
        key = (_iso(d.get("earliest")), _iso(d.get("latest")))
        if key != (None, None):
            out.append((key, _offsets(d)))
    return out


# --- scoring --------------------------------------------------------------------------------


def _article(gold_claims, pred_claims, text, totals):
    def side(claims, use_offsets):
        spans = _place_all(claims, text, use_offsets) if text is not None else [None] * len(claims)
        return [
            {"claim": c, "flat": _flat(c.get("text")), "span": s}
            for c, s in zip(claims, spans, strict=True)
        ]

    gold, pred = side(gold_claims, False), side(pred_claims, True)
    edges = {}
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            shared, shorter = _shared(g, p)
            if shorter > 0 and 2 * shared > shorter:
                edges[(i, j)] = (
                    shared,
                    int(_speaker_ok(_spk(g["claim"]), _spk(p["claim"]))),
                    _scored_pair_bonus(g["claim"], p["claim"]),
                )
    matching = _best_claim_matching(gold, pred, edges)
    totals["claims"] += [len(matching), len(gold), len(pred)]
    for i, j in matching:
        g, p = gold[i]["claim"], pred[j]["claim"]
        ok = _speaker_ok(_spk(g), _spk(p))
        totals["speakers"] += [int(ok), 1]
        if ok and _spk(g) is not None:
            totals["attributed"][0] += 1
        if "target" in g:
            totals["targets"] += [int(_target(g["target"]) == _target(p.get("target"))), 1]
        if g.get("modality") is not None:
            same = p.get("modality") is not None and (
                str(g["modality"]).strip().lower() == str(p["modality"]).strip().lower()
            )
            totals["modality"] += [int(same), 1]
    totals["attributed"][1] += sum(_spk(g["claim"]) is not None for g in gold)
    totals["attributed"][2] += sum(_spk(p["claim"]) is not None for p in pred)
    gf, pf = _per_sentence(gold, _figures), _per_sentence(pred, _figures)
    adjacency = [[j for j, b in enumerate(pf) if a[1:] == b[1:] and _close(a[0], b[0])] for a in gf]
    totals["figures"] += [_kuhn(len(gf), adjacency), len(gf), len(pf)]
    gd, pd = Counter(_per_sentence(gold, _dates)), Counter(_per_sentence(pred, _dates))
    totals["dates"] += [sum((gd & pd).values()), sum(gd.values()), sum(pd.values())]


class _Vec(list):
    def __iadd__(self, other):
        for k, v in enumerate(other):
            self[k] += v
        return self


def independent_score(gold, predicted, texts=None):
    """Flat numbers (`claims.tp`, `claims.precision`, `speakers.accuracy`, ...) of section 7."""
    totals = {name: _Vec([0, 0, 0]) for name in ("claims", "attributed", "figures", "dates")}
    totals |= {name: _Vec([0, 0]) for name in ("speakers", "targets", "modality")}
    texts = texts or {}
    for article in gold:
        src = article["source"]
        _article(article.get("claims") or [], predicted.get(src, []), texts.get(src), totals)
    out = {}
    for name in ("claims", "attributed", "figures", "dates"):
        tp, g, p = totals[name]
        out |= {
            f"{name}.tp": tp,
            f"{name}.gold": g,
            f"{name}.predicted": p,
            f"{name}.precision": tp / p if p else None,
            f"{name}.recall": tp / g if g else None,
            f"{name}.f1": 2 * tp / (g + p) if g + p else None,
        }
    for name in ("speakers", "targets", "modality"):
        c, t = totals[name]
        out |= {f"{name}.correct": c, f"{name}.total": t, f"{name}.accuracy": c / t if t else None}
    return out
