"""Emulation clusters and blocks (cụm / khối thi đua): members, count, organizer, roles.

A cluster is mentioned by a head and a number ("Cụm thi đua số 7", "Cụm 7",
"KHỐI THI ĐUA SỐ IV"), by a head and a description ("Khối thi đua của tỉnh
Long An", "Cụm thi đua các tỉnh Tây Nguyên") or, without the word cụm, as a
group of like units that signs a pledge together ("Sở TT&TT 7 tỉnh khu vực
miền núi phía bắc gồm: … ký kết giao ước thi đua").  Mentions of one cluster
merge (same kind and number, same description, or the anaphoric "Cụm",
"toàn Cụm" referring to the cluster last named).

* members: provinces of the units listed after "gồm / bao gồm / thành viên
  gồm" or "các tỉnh trong Cụm:" (inline, one per bulleted line or one per table
  row "3 | Công an tỉnh Hà Giang | Thành viên"), of units given a cluster role,
  and of units the cluster proposes or honours (awards in a sentence about the
  cluster).  A description in the title or in apposition ("Khối thi đua số 1 -
  các bệnh viện tuyến tỉnh") names the numbered cluster, not a second one.  A cluster of one
  province's departments (organizer ``UBND tỉnh X``) or of non-provincial units
  lists them in ``member_units`` instead.
* roles: Cụm/Khối trưởng → ``leader``, Cụm/Khối phó → ``deputy``, suy tôn /
  dẫn đầu → ``leading_unit``; the holder is the unit written before the role
  ("Sở TTTT Gia Lai làm Cụm trưởng") or after it ("Cụm trưởng năm 2022 là Sở
  …", "suy tôn Sở … là đơn vị dẫn đầu"); the year is the one written with the
  role, else the pledge year for an election ("bầu … làm Cụm trưởng") and the
  reviewed year otherwise; a rotation lists holders with a year each ("Cụm
  trưởng các năm tới: Sở A (2021), Sở B (2022)"); "suy tôn A và B là hai đơn
  vị dẫn đầu" gives both.  A handover ("A bàn giao nhiệm vụ Cụm trưởng năm
  2022 cho B", "B nhận bàn giao … từ A") gives B the role in the year written
  and A the year before; a subject given one role in apposition may take a
  second ("A, Cụm phó năm 2021, đã nhận … Cụm trưởng năm 2022").  A role
  without a year of its own takes the one of roles announced or dated in the
  sentence before ("bầu Cụm trưởng, Cụm phó năm 2023. Theo đó, …").  In an article naming one province only, a holder
  written without a province ("Tỉnh đoàn") is in it (but makes no member).

Vocabulary is data: ``extract/rules/clusters.jsonl`` (labels ``CLUSTER_*``).
This module also holds the small text helpers that ``awards`` shares.

>>> from extract.frontend import analyze
>>> a = analyze("Ngày 12/3/2021, Cụm thi đua số 7 ngành Thông tin và Truyền thông gồm các Sở TT&TT: "
...             "Bình Dương, Tây Ninh và Ninh Thuận tổ chức hội nghị tổng kết phong trào thi đua năm 2020. "
...             "Năm 2021, Sở TT&TT Tây Ninh làm Cụm trưởng.")
>>> c = extract(a)[0]
>>> c["label"], c["number"], c["organizer"], c["members"]
('Cụm thi đua số 7', 7, 'Bộ Thông tin và Truyền thông', ['Bình Dương', 'Tây Ninh', 'Ninh Thuận'])
>>> [(r["role"], r["province"], r["year"]) for r in c["roles"]]
[('leader', 'Tây Ninh', 2021)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.constructions.lists import Item, bullet_items
from extract.constructions.numerals import emulation_years
from extract.constructions.places import article_province, home_province, named_provinces
from extract.constructions.tables import ranked_units
from extract.fields.clusters.members import (
    _ANAPHOR_LIST,
    _INSTITUTION,
    _bare_provinces,
    _count_near,
    _member_list,
)
from extract.fields.clusters.mentions import (
    ROLE_WORD,
    Mention,
    _group_mentions,
    _head_mentions,
    _merge_descriptions,
    _organizer_from_sentences,
)
from extract.fields.clusters.roles import Role, _role_table_header, _role_table_row, _roles_in
from extract.frontend import Analysis, Sentence
from extract.gazetteer import gazetteer
from extract.normalize import fold, match_key
from extract.patterns import find_rules


@dataclass
class Cluster:
    kind: str
    number: int | None
    label: str
    mentions: list[Mention] = field(default_factory=list)
    described: bool = False
    organizer: str | None = None
    members: list[str] = field(default_factory=list)
    member_units: list[str] = field(default_factory=list)
    member_count: int | None = None
    roles: list[dict] = field(default_factory=list)

    def add_member(self, province: str | None) -> None:
        if province and province not in self.members:
            self.members.append(province)


def _same(c: Cluster, m: Mention) -> bool:
    if c.kind != m.kind:
        return False
    if c.number is not None or m.number is not None:
        return c.number == m.number
    if c.described and m.described:
        return c.mentions[0].count == m.count
    # "các Sở VHTTDL" and "các Sở Văn hóa, Thể thao và Du lịch" are one wording
    g = gazetteer()
    ka, kb = match_key(g.expand_abbreviations(c.label)), match_key(g.expand_abbreviations(m.label))
    short, long_ = sorted((ka, kb), key=len)
    if len(short.split()) >= 5 and long_.startswith(short + " "):
        return True  # "Cụm thi đua các tỉnh Đông Bắc" and "… Đông Bắc ngành Lao động - Thương binh và Xã hội"
    if _abbreviates(c.label, m.label) or _abbreviates(m.label, c.label):
        return True  # "Khối thi đua VH-XH" and "Khối thi đua Văn hóa - Xã hội"
    a, b = set(ka.split()) - _FUNCTION_WORDS, set(kb.split()) - _FUNCTION_WORDS
    if min(len(a), len(b)) >= 4 and (a <= b or b <= a):
        return True  # "… các phòng, ban và đơn vị trực thuộc Sở" and "… phòng, ban, đơn vị trực thuộc Sở Nội vụ tỉnh"
    return len(a & b) / max(1, len(a | b)) >= 0.6


_FUNCTION_WORDS = {"các", "và", "của", "những", "thuộc"}
_HEAD_WORDS = re.compile(r"^\s*(?i:cụm thi đua|khối thi đua|cụm|khối)(?![\w])\s*")


def _abbreviates(short: str, long: str) -> bool:
    """Whether the description of ``short`` is an abbreviation ("VH-XH", "KT-XH") of the words of ``long``'s."""
    abbr = _HEAD_WORDS.sub("", short).strip()
    if not re.fullmatch(r"[A-ZĐ]{1,4}(?:\s*[-&]\s*[A-ZĐ]{1,4})+|[A-ZĐ]{3,8}", abbr):
        return False
    words = [w for w in re.split(r"[\s\-–&,]+", _HEAD_WORDS.sub("", long)) if w and w.lower() not in _FUNCTION_WORDS]
    return len(words) >= 2 and fold("".join(w[0] for w in words)).upper() == fold(re.sub(r"[\s\-&]", "", abbr)).upper()


def _best_label(c: Cluster, title_index: int | None) -> str:
    """The label as written: a full "Cụm thi đua số N" form, else the body mention with the member list or the longest."""
    named = [m for m in c.mentions if not m.anaphor]
    cands = [m for m in named if not m.label.isupper()] or named
    if c.number is not None:
        full = [m for m in cands if "thi đua" in m.label.lower()]
        return (full or cands)[0].label
    listed = [m for m in cands if m.members]
    body = sorted((m for m in cands if m.sentence != title_index), key=lambda m: -len(m.label))
    return (listed or body or cands)[0].label


def _anaphora(text: str) -> bool:
    return bool(re.search(r"(?<![\w])(?:Cụm|Khối|cụm thi đua|khối thi đua)(?![\w])(?!\s*(?:trưởng|phó|công nghiệp|dân cư))", text))


def _cluster_context(text: str) -> bool:
    return _anaphora(text) or bool(ROLE_WORD.search(text)) or bool(re.search(r"(?i:thành viên|giao ước|suy tôn)", text))


def find_clusters(a: Analysis) -> tuple[list[Cluster], dict[int, Cluster]]:
    """Clusters of an article and, per sentence index, the cluster the sentence is about (if any)."""
    province = article_province(a)
    # an article that names one province only: a unit written without its province is in it ("Tỉnh đoàn")
    single = len(named_provinces(a)) == 1
    years = emulation_years(a)
    clusters: list[Cluster] = []
    # bare "Cụm 7" counts when the article is about emulation clusters at all
    established = any(re.search(r"(?i:cụm thi đua|khối thi đua|cụm trưởng|khối trưởng|cụm phó|khối phó|giao ước thi đua)", s.text)
                      for s in a.sentences)
    title = a.title or ""
    per_sentence: dict[int, list[Cluster]] = {}
    for s in a.sentences:
        mentions = _head_mentions(s, province, established)
        for m in mentions:
            items, cnt = _member_list(s.text, m.end - s.start, s.start)
            if not items and s.text.rstrip().endswith(":") and find_rules("CLUSTER_MEMBER_INTRO", s.text[m.end - s.start:]):
                items = [it for it in bullet_items(a, s.index) if it.count is None]
            m.members, m.count = items, cnt or _count_near(s.text[m.end - s.start: m.end - s.start + 60])
        for m in mentions:
            c = next((c for c in clusters if _same(c, m)), None)
            if c is None and clusters and _PAST.match(s.text):
                continue  # "Trước sắp xếp, khối thi đua kinh tế của tỉnh A có 27 đơn vị": what the cluster was
            if c is None:
                c = Cluster(m.kind, m.number, m.label)
                clusters.append(c)
            c.mentions.append(m)
            per_sentence.setdefault(s.index, []).append(c)
    if not clusters:
        for s in a.sentences:
            for m in _group_mentions(s, title):
                items, cnt = _member_list(s.text, m.end - s.start, s.start)
                m.members = items
                c = next((c for c in clusters if _same(c, m)), None)
                if c is None:
                    c = Cluster(m.kind, None, m.label, described=True)
                    clusters.append(c)
                c.mentions.append(m)
                per_sentence.setdefault(s.index, []).append(c)
        clusters = [c for c in clusters if any(m.members for m in c.mentions)
                    or any(find_rules("CLUSTER_PACT", a.sentences[m.sentence].text) for m in c.mentions)]
        kept = {id(c) for c in clusters}
        per_sentence = {k: [c for c in v if id(c) in kept] for k, v in per_sentence.items()}
    if not clusters:
        return [], {}
    title_index = next((s.index for s in a.sentences if s.is_title), None)
    merged = _merge_descriptions(clusters, title_index)
    if merged:
        for c in clusters:
            if id(c) in merged:
                merged[id(c)].mentions = sorted(merged[id(c)].mentions + [
                    Mention(m.start, m.end, m.sentence, m.kind, merged[id(c)].number, m.label, anaphor=True,
                            members=m.members, count=m.count, organizer=m.organizer) for m in c.mentions],
                    key=lambda m: m.start)
        per_sentence = {k: list({id(x): x for x in (merged.get(id(c), c) for c in v)}.values())
                        for k, v in per_sentence.items()}
        clusters = [c for c in clusters if id(c) not in merged]

    # the cluster each sentence is about: its own mention, else the last one named before it
    about: dict[int, Cluster] = {}
    current: Cluster | None = None
    first = clusters[0]
    for s in a.sentences:
        if s.index in per_sentence:
            named = [c for c in per_sentence[s.index] if not _in_passing(s, c, current)]
            about[s.index] = per_sentence[s.index][-1]
            current = named[-1] if named else current or per_sentence[s.index][-1]
        elif _cluster_context(s.text) or (len(clusters) == 1 and clusters[0].described and s.index > 0):
            about[s.index] = current or first

    for s in a.sentences:
        c = about.get(s.index)
        # "Về dự hội nghị có lãnh đạo Công an các tỉnh: …" right after the cluster's meeting is told: its attendees
        meeting = c is None and s.index and about.get(s.index - 1) is not None and re.search(r"(?i:hội nghị)", s.text)
        if c is None and not meeting:
            continue
        c = c or about[s.index - 1]
        here = [(mm.start - s.start, mm.end - s.start, cc) for cc in per_sentence.get(s.index, [])
                for mm in cc.mentions if mm.sentence == s.index]
        for m in _ANAPHOR_LIST.finditer(s.text):
            if meeting and not m.group("kinds"):
                continue
            if here:  # a sentence naming the cluster: only "các tỉnh trong Cụm: A, B", about the one named before
                before = [h for h in here if h[1] <= m.start()]
                if not (m.group("members") or m.group("units") or m.group("kinds")) or not before:
                    continue
                c = max(before, key=lambda h: h[0])[2]
            items, cnt = _member_list(s.text, m.end(), s.start)
            if not items and s.text.rstrip().endswith(":"):
                items = [it for it in bullet_items(a, s.index) if it.count is None]
            men = Mention(s.start + m.start(), s.start + m.end(), s.index, c.kind, c.number, c.label,
                          described=c.mentions[0].described, anaphor=True)
            men.members, men.count = items, cnt or _count_near(s.text[m.end(): m.end() + 40])
            c.mentions.append(men)
    for c in clusters:
        c.label = _best_label(c, next((s.index for s in a.sentences if s.is_title), None))
        c.described = all(m.described for m in c.mentions)
        c.organizer = next((m.organizer for m in c.mentions if m.organizer), None)
        c.member_count = next((m.count for m in c.mentions if m.count), None)
        for m in c.mentions:
            provs = [it.province for it in m.members if it.province]
            # one province's departments or hospitals ("Bệnh viện Nhi Thanh Hoá, Bệnh viện Mắt Thanh Hoá"):
            # a cluster of provinces never lists two members of one province
            if provs and len(set(provs)) == 1 and len(m.members) >= 2 and not _bare_provinces(m.members) \
                    or provs and all(_INSTITUTION.match(it.text) for it in m.members):
                for it in m.members:
                    if it.text not in c.member_units:
                        c.member_units.append(it.text)
            elif provs:
                for p in provs:
                    c.add_member(p)
            elif len(m.members) >= 2:
                for it in m.members:
                    if it.text not in c.member_units:
                        c.member_units.append(it.text)
        if c.organizer is None:
            c.organizer = _organizer_from_sentences(a, c, province)

    # roles
    seen_roles: dict[tuple, dict] = {}
    carry: tuple[int, bool] | None = None
    role_columns: tuple[int, dict[int, str]] | None = None  # a table of holders by year ("Năm | Cụm trưởng | …")

    def ranked(phrase: str) -> list[Item]:
        return ranked_units(a, phrase)

    def evidence(s: Sentence, r: Role) -> dict:
        return s.evidence(r.start - s.start if r.start >= s.start else r.start,
                          r.end - s.start if r.start >= s.start else r.end)

    for s in a.sentences:
        header = _role_table_header(s.text)
        if header:
            role_columns, carry = header, None
            continue
        labels = tuple((mm.start - s.start, mm.end - s.start) for cc in per_sentence.get(s.index, [])
                       for mm in cc.mentions if mm.sentence == s.index)
        roles, carry = _roles_in(s, years, carry, ranked=ranked, labels=labels)
        rows = _role_table_row(s, role_columns) if role_columns else None
        if rows is None:
            role_columns = None
        roles += rows or []
        if not roles:
            continue
        for r in roles:
            target = _cluster_for(s, r.cue_start, per_sentence.get(s.index, []), about.get(s.index), clusters)
            if target is None:
                continue
            # in a block of one province's units every holder has that province: tell them apart by name
            key = (id(target), r.role, r.unit.lower() if _provincial(target) else r.province or r.unit.lower(), r.year)
            old = seen_roles.get(key)
            if old is not None:
                # a headline's wording yields to the body's ("… Sở Khoa học và Công nghệ Lâm Đồng dẫn đầu Cụm")
                if a.sentences[old["evidence"]["sentence_index"]].is_title and not s.is_title:
                    old["unit"], old["evidence"] = r.unit, evidence(s, r)
                continue
            prov = r.province or _home_province(r.unit, target, province)
            inferred = prov is None and single  # the article's one province: a block of its units, no member
            prov = prov or (province if single else None)
            seen_roles[key] = {"role": r.role, "unit": r.unit, "province": prov, "year": r.year, "inferred": inferred,
                               "via_person": r.via_person, "evidence": evidence(s, r)}
            target.roles.append(seen_roles[key])
    for c in clusters:
        # "suy tôn Sở A là đơn vị dẫn đầu Cụm năm 2021": two cues, one role; the year-less one goes
        provincial = _provincial(c)

        def holder(r: dict) -> tuple[str, str]:
            return r["role"], r["unit"].lower() if provincial else r["province"] or r["unit"].lower()

        dated = {holder(r) for r in c.roles if r["year"] is not None}
        c.roles = [r for r in c.roles if r["year"] is not None or holder(r) not in dated]
        led: dict[tuple[str, str], set[int | None]] = {}  # the years each holder is told leading
        for r in c.roles:
            if r["role"] == "leader":
                led.setdefault(holder(r), set()).add(r["year"])
        c.roles = [r for r in c.roles if not _two_leaders(r, holder(r), led)]
        # a holder read through its head's position yields to one the text names ("Đơn vị Trưởng khối năm 2020 là
        # Cơ quan Tỉnh Đoàn" over "đồng chí A, Bí thư Tỉnh đoàn, Trưởng khối")
        named = {(r["role"], r["year"]) for r in c.roles if not r["via_person"]}
        c.roles = [r for r in c.roles if not (r["via_person"] and (r["role"], r["year"]) in named)]
        for r in c.roles:
            r.pop("via_person")
        for r in c.roles:
            if not r.pop("inferred") and not provincial:
                c.add_member(r["province"])
    return clusters, about


def _two_leaders(r: dict, who: tuple[str, str], led: dict[tuple[str, str], set[int | None]]) -> bool:
    """A cluster has one leader a year: "A bàn giao Cụm trưởng năm 2021 cho B … đơn vị cụm trưởng A" — A's second
    mention took the article's year, but A led the year before and B leads this one; that mention goes.  ``led``:
    the years each holder is told leading the cluster."""
    if r["role"] != "leader" or r["year"] is None:
        return False
    others = [h for h, years in led.items() if h != who and r["year"] in years]
    return bool(others) and len(led[who] - {r["year"]}) > 0 and not any(len(led[h]) > 1 for h in others)


def _home_province(unit: str, c: Cluster, province: str | None) -> str | None:
    if c.organizer and c.organizer.startswith("UBND"):
        provs = gazetteer().find_provinces(c.organizer)
        province = provs[0].name if provs else province
    return home_province(unit, province)


def _provincial(c: Cluster) -> bool:
    """A block of one province's departments or of non-provincial units: members stay empty."""
    return (bool(c.member_units) and not c.members or bool(c.organizer and c.organizer.startswith("UBND"))
            or any(find_rules("CLUSTER_NONPROVINCIAL", x) for x in [c.label] + [m.alias or m.label for m in c.mentions]))


# a sentence about the time before the reorganisation: the clusters it names are history
_PAST = re.compile(r"^\s*(?i:trước (?:khi )?(?:sắp xếp|hợp nhất|sáp nhập|kiện toàn)|trước đây|trước đó|trước năm \d{4})\b")


# a cluster named as the title of a person or unit ("bà X, Cụm trưởng Cụm thi đua số 1 năm 2022",
# "Sở A, thành viên Khối thi đua số 3"): said in passing, the next sentences stay with the cluster before
_PASSING_ROLE = re.compile(r"(?i:(?:cụm|khối)\s+(?:trưởng|phó)|thành viên|(?:trưởng|phó)\s+(?:cụm|khối))\s*$")


def _in_passing(s: Sentence, c: Cluster, current: Cluster | None) -> bool:
    if current is None or current is c:
        return False
    ms = [m for m in c.mentions if m.sentence == s.index]
    return bool(ms) and all(_PASSING_ROLE.search(s.text[max(0, m.start - s.start - 20): m.start - s.start]) for m in ms)


def _cluster_for(s: Sentence, pos: int, here: list[Cluster], about: Cluster | None, clusters: list[Cluster]) -> Cluster | None:
    after = [m for c in here for m in c.mentions if m.sentence == s.index and m.start - s.start >= pos]
    near_after = [m for m in after if re.fullmatch(r"[\w\s]{0,25}", s.text[pos:m.start - s.start])
                  and not re.search(r"(?i:\s(?:là|của|và)\s)", s.text[pos:m.start - s.start])]
    if near_after:
        return next(c for c in here if near_after[0] in c.mentions)
    before = [(m.start, c) for c in here for m in c.mentions if m.sentence == s.index and m.start - s.start < pos]
    if before:
        return max(before, key=lambda t: t[0])[1]
    if about is not None:
        return about
    return clusters[0] if len(clusters) == 1 else None


def extract(a: Analysis, awards: list[dict] | None = None) -> list[dict]:
    """One contract object per cluster/block the article reports on (with evidence of its first mention).

    ``awards`` are the article's award records (``extract.fields.awards``, with evidence): the provinces
    of units that a cluster proposes or honours are its members.  The caller passes them in, so that this
    reader never imports another field reader.
    """
    clusters, about = find_clusters(a)
    if not clusters:
        return []
    for aw in awards or []:
        idx = aw["evidence"]["sentence_index"]
        c = about.get(idx)
        if c is None or _provincial(c):
            continue
        s = a.sentences[idx]
        if aw["status"] == "proposed" or _cluster_context(s.text):
            c.add_member(aw.get("province"))
    out = []
    for c in clusters:
        m0 = c.mentions[0]
        s = a.sentences[m0.sentence]
        out.append({
            "label": c.label,
            "kind": c.kind,
            "number": c.number,
            "organizer": c.organizer,
            "members": c.members if not _provincial(c) else [],
            "member_count": c.member_count,
            "member_units": c.member_units,
            "roles": c.roles,
            "evidence": s.evidence(m0.start - s.start, m0.end - s.start),
        })
    return out
