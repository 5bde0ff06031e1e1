"""Generate a labelled, synthetic English + Chinese PII corpus for the auditor PII scanner.

    python benchmarks/gen_pii_corpus.py OUT_DIR [--seed N] [--size-mb X]

The corpus is a second, independent benchmark next to the dev corpus in
/work/shared/bench/pii-dev/: same truth format and labelling conventions (see
/work/shared/bench/README.md), but its own templates, layouts, file formats and value formats.
It is meant to measure how well the scanner generalises, so do not tune to its wording either.

Output (deterministic for a seed; about --size-mb megabytes, default 1.5):

    OUT_DIR/data/...          the files to scan: support tickets (.txt), mail (.eml, CRLF), chat
                              transcripts (pretty and minified .json arrays), SFT / RAG / KYC
                              records (.jsonl, one file with \\uXXXX escapes), CSV exports (one
                              Excel-style with a UTF-8 BOM and CRLF), a TSV, a Parquet file,
                              Markdown wiki pages, YAML configs, an HTML page, Chinese customer
                              service logs (one GB18030-encoded), UTF-16 call notes, access logs
    OUT_DIR/truth.jsonl       planted PII, one JSON object a line:
                              {"path", "line", "column", "end_column", "entity", "text"}
    OUT_DIR/negatives.jsonl   hard negatives that must not be reported, same shape plus "kind"
    OUT_DIR/manifest.json     files, sizes, counts per entity group and per negative kind

Positions: `path` is relative to data/, `line` is 1-based, `column`/`end_column` are 1-based
Unicode code-point columns of the decoded line, end exclusive, so that
`line[column - 1:end_column - 1] == text`. For JSON the column is that of the value text in the
raw line (escapes included: in the \\uXXXX-escaped file a Chinese name's `text` is its escaped
form). For Parquet, `line` is the 1-based row and the columns are offsets in the cell's text, which
is how auditor's reader reports Parquet findings. Every label is checked against the written file
before the run ends.

Labelling (README conventions): LOCATION is a whole street address as one span, or a city or
country where a person's location is given (a city column, "I live in Leeds", "我住在成都");
places that are not a person's location (data centres, parcel hubs) are hard negatives.
DATE_OF_BIRTH only in a birth context; other dates are hard negatives. PASSPORT only next to a
passport word. Chinese debit cards (银行卡号, 开户行, 工资卡 ...) are BANK_CARD, cards in
credit-card / payment contexts are CREDIT_CARD. Every IP address (v4 and v6, private included)
is labelled; four-part version numbers appear only in clear version contexts. Every e-mail
address is labelled. Phone numbers are valid for their region (phonenumbers) in many layouts.
In split fields (street / city / country, given name / surname) each field is its own span;
a "Last, First" name in one cell is one PERSON span. Company and brand names (also those named
after people, e.g. "Calvin Klein", "李宁"), products, carriers, name-like words ("Amber alert"),
Message-IDs, IMEIs, masked phones, USCC tax codes, order / invoice / tracking / 快递 / 工单 /
发票 numbers, hashes, UUIDs, epochs, versions and amounts are hard negatives.

Values: names from Faker (en_US, en_GB, de_DE, fr_FR, es_ES, it_IT, nl_NL, zh_CN, plus compound
Chinese surnames and hyphen/apostrophe names), check digits from python-stdnum (CN resident ID,
IBAN, Luhn, USCC), own address generators for US, UK, DE, FR, ES, IT, NL and China.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import json
import platform
import random
import string
import sys
import unicodedata
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import faker
import phonenumbers as pn
import stdnum
import yaml
from faker import Faker
from phonenumbers import PhoneNumberFormat as PNF
from phonenumbers import PhoneNumberType as PNT
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.cn import ric, uscc
from stdnum.es import ccc

GROUPS = (
    "PERSON", "EMAIL", "PHONE", "US_SSN", "CREDIT_CARD", "IBAN", "IP_ADDRESS",
    "CN_RESIDENT_ID", "BANK_CARD", "PASSPORT", "LOCATION", "DATE_OF_BIRTH",
)  # fmt: skip
DEFAULT_SEED = 20241215
DEFAULT_SIZE_MB = 1.5


# ================================================================ text with labelled spans


class Span(NamedTuple):
    start: int
    end: int
    label: str  # entity group, or the kind of a hard negative
    negative: bool


class Txt:
    """A string with labelled spans (offsets into the string); `+` keeps them in place."""

    __slots__ = ("s", "spans")

    def __init__(self, s: str = "", spans: list[Span] | None = None) -> None:
        self.s = s
        self.spans = spans if spans is not None else []

    def __add__(self, other: object) -> Txt:
        return concat([self, other])

    def __radd__(self, other: object) -> Txt:
        return concat([other, self])

    def __len__(self) -> int:
        return len(self.s)

    def __repr__(self) -> str:
        return f"Txt({self.s!r}, {self.spans!r})"


class Raw(Txt):
    """A JSON scalar written as is (a number), not as a string."""

    __slots__ = ()


def raw(t: Txt) -> Raw:
    return Raw(t.s, t.spans)


def as_txt(x: object) -> Txt:
    return x if isinstance(x, Txt) else Txt(str(x))


def concat(parts: Iterable[object]) -> Txt:
    chunks: list[str] = []
    spans: list[Span] = []
    pos = 0
    for part in parts:
        t = as_txt(part)
        chunks.append(t.s)
        spans.extend(Span(a + pos, b + pos, lab, ng) for a, b, lab, ng in t.spans)
        pos += len(t.s)
    return Txt("".join(chunks), spans)


def join(sep: object, parts: Iterable[object]) -> Txt:
    out: list[object] = []
    for i, part in enumerate(parts):
        if i:
            out.append(sep)
        out.append(part)
    return concat(out)


def pii(entity: str, value: str) -> Txt:
    assert entity in GROUPS, entity
    assert value and value == value.strip() and "\n" not in value, repr(value)
    return Txt(value, [Span(0, len(value), entity, False)])


def neg(kind: str, value: str) -> Txt:
    assert value and "\n" not in value, repr(value)
    return Txt(value, [Span(0, len(value), kind, True)])


def starred(phrase: str, kind: str) -> Txt:
    """'the *Georgia* font' -> a Txt with 'Georgia' as a hard negative of `kind`."""
    a = phrase.index("*")
    b = phrase.index("*", a + 1)
    return concat([phrase[:a], neg(kind, phrase[a + 1 : b]), phrase[b + 1 :]])


def encode_txt(t: Txt, enc: Callable[[str], str]) -> Txt:
    """Apply an escaping that works character by character (JSON, CSV quotes, HTML) and move
    the spans onto the escaped text."""
    cuts = sorted({0, len(t.s), *(p for sp in t.spans for p in (sp.start, sp.end))})
    where = {0: 0}
    chunks: list[str] = []
    pos = 0
    for a, b in zip(cuts, cuts[1:], strict=False):
        where[a] = pos
        piece = enc(t.s[a:b])
        chunks.append(piece)
        pos += len(piece)
    where[len(t.s)] = pos
    return Txt("".join(chunks), [Span(where[a], where[b], lab, ng) for a, b, lab, ng in t.spans])


def split_lines(t: Txt) -> list[Txt]:
    spans = sorted(t.spans)
    out: list[Txt] = []
    start, k = 0, 0
    for seg in t.s.split("\n"):
        end = start + len(seg)
        own: list[Span] = []
        while k < len(spans) and spans[k].start <= end:
            a, b, lab, ng = spans[k]
            assert b <= end, f"span crosses a line break: {t.s[a:b]!r}"
            own.append(Span(a - start, b - start, lab, ng))
            k += 1
        out.append(Txt(seg, own))
        start = end + 1
    return out


_FMT = string.Formatter()


# ================================================================ serialisers


def json_str(value: object, ascii_only: bool = False) -> Txt:
    t = as_txt(value)
    body = encode_txt(t, lambda s: json.dumps(s, ensure_ascii=ascii_only)[1:-1])
    return concat(['"', body, '"'])


def jdump(obj: object, indent: int | None = None, ascii_only: bool = False,
          compact: bool = False) -> Txt:
    """json.dumps() that keeps the spans of Txt values (`Raw` values are written unquoted)."""
    parts: list[object] = []
    item_sep = "," if compact or indent is not None else ", "
    key_sep = ":" if compact else ": "

    def nl(level: int) -> None:
        if indent is not None:
            parts.append("\n" + " " * (indent * level))

    def walk(o: object, level: int) -> None:
        if isinstance(o, Raw):
            parts.append(o)
        elif isinstance(o, str | Txt):
            parts.append(json_str(o, ascii_only))
        elif isinstance(o, dict):
            if not o:
                parts.append("{}")
                return
            parts.append("{")
            for i, (k, v) in enumerate(o.items()):
                if i:
                    parts.append(item_sep)
                nl(level + 1)
                parts.append(json.dumps(k, ensure_ascii=ascii_only) + key_sep)
                walk(v, level + 1)
            nl(level)
            parts.append("}")
        elif isinstance(o, list):
            if not o:
                parts.append("[]")
                return
            parts.append("[")
            for i, v in enumerate(o):
                if i:
                    parts.append(item_sep)
                nl(level + 1)
                walk(v, level + 1)
            nl(level)
            parts.append("]")
        else:
            parts.append(json.dumps(o))

    walk(obj, 0)
    return concat(parts)


def csv_line(cells: Iterable[object], delim: str = ",", quote_all: bool = False) -> Txt:
    out: list[object] = []
    for i, cell in enumerate(cells):
        t = as_txt(cell)
        if i:
            out.append(delim)
        if quote_all or any(c in t.s for c in (delim, '"')) or t.s != t.s.strip():
            out += ['"', encode_txt(t, lambda s: s.replace('"', '""')), '"']
        else:
            out.append(t)
    return concat(out)


def html_text(value: object) -> Txt:
    return encode_txt(as_txt(value), lambda s: html.escape(s, quote=False))


_YAML_PLAIN_BAD = set("-?:,[]{}#&*!|>'\"%@`")


def yv(value: object) -> Txt:
    """A YAML scalar: plain when safe, else double-quoted (spans never hold quotes)."""
    t = as_txt(value)
    s = t.s
    if not s or s[0] in _YAML_PLAIN_BAD or ": " in s or " #" in s or s.endswith(":"):
        return concat(['"', encode_txt(t, lambda x: x.replace("\\", "\\\\").replace('"', '\\"')),
                       '"'])
    return t


# ================================================================ reference data

WESTERN_LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL")
LOCALE_COUNTRY = {"en_US": "US", "en_GB": "GB", "de_DE": "DE", "fr_FR": "FR", "es_ES": "ES",
                  "it_IT": "IT", "nl_NL": "NL", "zh_CN": "CN", "zh_PY": "CN"}
HYPHEN_FIRST = ["Jean-Luc", "Anne-Marie", "Marie-Claire", "Jean-Pierre", "Mary-Kate",
                "Hans-Peter", "Karl-Heinz", "Lise-Lotte", "Ann-Kathrin", "Pierre-Yves"]
APOS_LAST = ["O'Brien", "O'Connor", "D'Angelo", "O'Neill", "D'Souza", "O'Sullivan",
             "Smith-Jones", "Dubois-Martin", "Müller-Schmidt", "Fernández-Vega", "D'Amico"]
CN_COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "慕容", "皇甫", "令狐", "司徒", "尉迟",
               "公孙", "夏侯"]
CN_GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉晨宇浩然欣怡梓涵"
                "子轩雨萱思远嘉怡一鸣诗琪俊熙若曦")

MAIL_DOMAINS = {
    "en_US": ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "comcast.net"],
    "en_GB": ["btinternet.com", "hotmail.co.uk", "sky.com", "gmail.com", "virginmedia.com"],
    "de_DE": ["gmx.de", "web.de", "t-online.de", "posteo.de", "gmail.com"],
    "fr_FR": ["orange.fr", "free.fr", "laposte.net", "sfr.fr", "gmail.com"],
    "es_ES": ["telefonica.net", "hotmail.es", "gmail.com", "yahoo.es"],
    "it_IT": ["libero.it", "tiscali.it", "virgilio.it", "gmail.com"],
    "nl_NL": ["ziggo.nl", "kpnmail.nl", "xs4all.nl", "gmail.com"],
    "zh_CN": ["163.com", "126.com", "sina.com", "foxmail.com", "aliyun.com", "yeah.net"],
}
WORK_DOMAINS = ["kestrel-analytics.co.uk", "ostwind-energie.de",
                "maison-berthier.fr", "hollandia-zuivel.nl", "brightwave.io", "yunfan-tech.cn",
                "haoxiang-logistics.com.cn", "lumen-freight.com", "studio-ferrante.it"]

US_CITIES = [("Denver", "CO", "802"), ("Austin", "TX", "787"), ("Portland", "OR", "972"),
             ("Columbus", "OH", "432"), ("Seattle", "WA", "981"), ("Boston", "MA", "021"),
             ("Chicago", "IL", "606"), ("San Jose", "CA", "951"), ("Nashville", "TN", "372"),
             ("Atlanta", "GA", "303"), ("Minneapolis", "MN", "554"), ("Pittsburgh", "PA", "152"),
             ("Charlotte", "NC", "282"), ("Salt Lake City", "UT", "841"), ("Madison", "WI", "537"),
             ("Albuquerque", "NM", "871"), ("Tampa", "FL", "336"), ("Sacramento", "CA", "958")]
US_STREETS = ["Maple Ave", "Oak Street", "Elm St", "Washington Blvd", "Lakeview Dr", "Cedar Lane",
              "Park Avenue", "Highland Ave", "Mill Road", "Chestnut St", "Ridge Rd", "Pine St",
              "Walnut Street", "Lincoln Way", "Market Street", "Harrison St", "Sunset Blvd",
              "Willow Creek Dr", "N 5th Ave", "Country Club Rd"]
GB_CITIES = [("Leeds", "LS"), ("Bristol", "BS"), ("Manchester", "M"), ("Glasgow", "G"),
             ("Cardiff", "CF"), ("Norwich", "NR"), ("York", "YO"), ("Brighton", "BN"),
             ("Nottingham", "NG"), ("Edinburgh", "EH"), ("London", "SW"), ("London", "N"),
             ("Oxford", "OX"), ("Sheffield", "S"), ("Leicester", "LE")]
GB_STREETS = ["High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane",
              "Queens Road", "The Green", "Manor Way", "Albert Street", "Park Crescent",
              "Orchard Close", "Kings Avenue", "Beech Grove", "Castle Street"]
DE_CITIES = [("Berlin", "10"), ("Hamburg", "20"), ("München", "80"), ("Köln", "50"),
             ("Frankfurt am Main", "60"), ("Stuttgart", "70"), ("Leipzig", "04"),
             ("Dresden", "01"), ("Düsseldorf", "40"), ("Hannover", "30"), ("Nürnberg", "90"),
             ("Bremen", "28"), ("Freiburg im Breisgau", "79")]
DE_STREETS = ["Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße", "Goethestraße",
              "Lindenallee", "Am Markt", "Bergstraße", "Kirchgasse", "Friedrich-Ebert-Straße",
              "Mozartweg", "Rosenstraße", "Sonnenallee", "Ringstr.", "Talstraße"]
FR_CITIES = [("Paris", [f"750{n:02d}" for n in range(1, 21)]), ("Lyon", [f"6900{n}" for n in
             range(1, 10)]), ("Marseille", ["13001", "13006", "13008"]), ("Toulouse", ["31000",
             "31500"]), ("Nantes", ["44000", "44300"]), ("Bordeaux", ["33000", "33800"]),
             ("Lille", ["59000", "59800"]), ("Strasbourg", ["67000"]), ("Rennes", ["35000"]),
             ("Montpellier", ["34000", "34070"])]
FR_STREETS = ["rue de la République", "avenue Jean Jaurès", "rue Victor Hugo",
              "boulevard Voltaire", "rue du Moulin", "place de la Mairie", "chemin des Vignes",
              "rue Pasteur", "allée des Tilleuls", "quai Saint-Vincent", "rue des Lilas"]
ES_CITIES = [("Madrid", "280"), ("Barcelona", "080"), ("Valencia", "460"), ("Sevilla", "410"),
             ("Bilbao", "480"), ("Zaragoza", "500"), ("Málaga", "290")]
ES_STREETS = ["Calle Mayor", "Calle de Alcalá", "Avenida de la Constitución", "Calle Real",
              "Paseo de Gracia", "Calle San Juan", "Calle del Sol", "Avenida del Puerto"]
IT_CITIES = [("Milano", "201", "MI"), ("Roma", "001", "RM"), ("Torino", "101", "TO"),
             ("Napoli", "801", "NA"), ("Bologna", "401", "BO"), ("Firenze", "501", "FI"),
             ("Genova", "161", "GE")]
IT_STREETS = ["Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele II", "Via Mazzini",
              "Via Dante", "Viale Europa", "Via Verdi", "Via Cavour", "Piazza della Libertà"]
NL_CITIES = [("Amsterdam", "10"), ("Rotterdam", "30"), ("Utrecht", "35"), ("Den Haag", "25"),
             ("Eindhoven", "56"), ("Groningen", "97"), ("Leiden", "23"), ("Haarlem", "20")]
NL_STREETS = ["Keizersgracht", "Dorpsstraat", "Kerkstraat", "Stationsweg", "Molenweg",
              "Prinsengracht", "Julianalaan", "Beatrixstraat", "Hoofdstraat", "Oude Gracht"]
EXTRA_CITIES = {"CA": ["Toronto", "Vancouver", "Montréal", "Calgary"],
                "AU": ["Melbourne", "Brisbane", "Perth", "Adelaide"],
                "IN": ["Bengaluru", "Pune", "Hyderabad", "Chennai"],
                "JP": ["Osaka", "Fukuoka", "Sapporo", "Yokohama"],
                "IE": ["Cork", "Galway", "Limerick"], "PT": ["Porto", "Braga", "Coimbra"]}
COUNTRY_NAMES = {"US": "the United States", "GB": "the UK", "DE": "Germany", "FR": "France",
                 "ES": "Spain", "IT": "Italy", "NL": "the Netherlands", "CA": "Canada",
                 "AU": "Australia", "IN": "India", "JP": "Japan", "IE": "Ireland",
                 "PT": "Portugal", "CN": "China"}

# (province or "" for a municipality, city, districts, roads)
CN_PLACES = [
    ("", "北京市", ["朝阳区", "海淀区", "东城区", "西城区", "丰台区", "通州区"],
     ["建国路", "中关村大街", "学院路", "朝阳北路", "西直门外大街", "望京街"]),
    ("", "上海市", ["浦东新区", "徐汇区", "静安区", "黄浦区", "闵行区", "杨浦区"],
     ["张江路", "漕溪北路", "南京西路", "淮海中路", "虹梅路", "国权路"]),
    ("", "天津市", ["和平区", "南开区", "河西区"], ["南京路", "卫津路", "友谊路"]),
    ("", "重庆市", ["渝中区", "江北区", "沙坪坝区"], ["中山三路", "建新北路", "小龙坎正街"]),
    ("广东省", "广州市", ["天河区", "越秀区", "海珠区", "番禺区"],
     ["天河北路", "中山五路", "江南大道中", "市桥街"]),
    ("广东省", "深圳市", ["南山区", "福田区", "宝安区", "龙岗区"],
     ["深南大道", "科苑路", "福华路", "新安六路"]),
    ("广东省", "东莞市", ["南城街道", "东城街道"], ["鸿福路", "东纵大道"]),
    ("浙江省", "杭州市", ["西湖区", "上城区", "滨江区", "余杭区"],
     ["文三路", "延安路", "江南大道", "文一西路"]),
    ("浙江省", "宁波市", ["鄞州区", "海曙区"], ["天童南路", "中山西路"]),
    ("江苏省", "南京市", ["鼓楼区", "玄武区", "建邺区"], ["中山北路", "珠江路", "江东中路"]),
    ("江苏省", "苏州市", ["姑苏区", "吴中区", "相城区"], ["干将路", "星湖街", "东吴北路"]),
    ("四川省", "成都市", ["武侯区", "锦江区", "青羊区", "成华区"],
     ["人民南路", "春熙路", "天府大道", "蜀都大道"]),
    ("湖北省", "武汉市", ["武昌区", "洪山区", "江汉区"], ["中南路", "珞喻路", "解放大道"]),
    ("陕西省", "西安市", ["雁塔区", "碑林区", "未央区"], ["长安南路", "南大街", "凤城八路"]),
    ("山东省", "济南市", ["历下区", "市中区"], ["泉城路", "经十路"]),
    ("山东省", "青岛市", ["市南区", "崂山区"], ["东海西路", "海尔路"]),
    ("福建省", "厦门市", ["思明区", "湖里区"], ["厦禾路", "嘉禾路"]),
    ("湖南省", "长沙市", ["岳麓区", "芙蓉区", "天心区"], ["麓山南路", "五一大道", "芙蓉中路"]),
    ("河南省", "郑州市", ["金水区", "二七区"], ["花园路", "大学路"]),
    ("广西壮族自治区", "南宁市", ["青秀区", "西乡塘区"], ["民族大道", "大学东路"]),
    ("内蒙古自治区", "呼和浩特市", ["新城区", "赛罕区"], ["新华大街", "大学西街"]),
    ("新疆维吾尔自治区", "乌鲁木齐市", ["天山区", "沙依巴克区"], ["人民路", "友好北路"]),
    ("宁夏回族自治区", "银川市", ["兴庆区", "金凤区"], ["解放东街", "北京中路"]),
    ("云南省", "昆明市", ["五华区", "盘龙区"], ["东风西路", "北京路"]),
    ("辽宁省", "沈阳市", ["和平区", "沈河区"], ["青年大街", "中街路"]),
    ("黑龙江省", "哈尔滨市", ["南岗区", "道里区"], ["西大直街", "中央大街"]),
]
CN_ESTATES = ["阳光花园", "锦绣家园", "碧桂园", "万科城", "翠苑一区", "金色家园", "幸福里小区",
              "恒大名都", "和平里", "绿城桂花园", "保利香槟国际", "龙湖春江郦城"]
CN_SUBDISTRICTS = ["新华街道", "城南街道", "东湖街道", "南湖街道", "中山街道", "华侨城街道"]
CN_CITIES_SHORT = ["成都", "杭州", "苏州", "武汉", "西安", "长沙", "厦门", "青岛", "大连", "昆明",
                   "南京", "合肥", "郑州", "天津", "深圳", "宁波", "佛山", "无锡"]
PY_PLACES = [("Shenzhen", "Guangdong", ["Nanshan District", "Futian District"],
              ["Keyuan Road", "Shennan Avenue", "Fuhua Road"]),
             ("Beijing", "", ["Chaoyang District", "Haidian District"],
              ["Jianguo Road", "Zhongguancun Street", "Xueyuan Road"]),
             ("Shanghai", "", ["Pudong New Area", "Xuhui District"],
              ["Zhangjiang Road", "Caoxi North Road", "Huaihai Middle Road"]),
             ("Hangzhou", "Zhejiang", ["Xihu District", "Binjiang District"],
              ["Wensan Road", "Jiangnan Avenue"]),
             ("Chengdu", "Sichuan", ["Wuhou District", "Jinjiang District"],
              ["Renmin South Road", "Tianfu Avenue"])]

CARD_BRANDS = ["Visa", "Mastercard", "American Express", "Discover", "JCB", "UnionPay",
               "Diners Club"]
CN_DEBIT_BINS = [("622202", "中国工商银行"), ("621226", "中国工商银行"), ("621700", "中国建设银行"),
                 ("622700", "中国建设银行"), ("622848", "中国农业银行"), ("623052", "中国农业银行"),
                 ("621483", "招商银行"), ("621661", "中国银行"), ("601382", "中国银行"),
                 ("622262", "交通银行"), ("621799", "中国邮政储蓄银行"), ("622609", "中国民生银行"),
                 ("622908", "兴业银行"), ("621792", "中信银行"), ("622521", "浦发银行")]
GB_BANKS = ["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA"]
NL_BANKS = ["ABNA", "INGB", "RABO", "TRIO", "SNSB", "KNAB"]
IE_BANKS = ["BOFI", "AIBK"]
BE_BANKS = ["001", "035", "063", "068", "088", "310", "363", "390", "735", "737", "751", "103"]
BICS = ["DEUTDEFFXXX", "BNPAFRPP", "NWBKGB2L", "INGBNL2A", "BCITITMM", "CAIXESBBXXX",
        "GEBABEBB", "BPKOPLPW", "COBADEFFXXX", "ABNANL2A"]
PHONE_WEIGHTS = {"CN": 22, "US": 14, "GB": 9, "DE": 8, "FR": 7, "IN": 5, "JP": 4, "AU": 4,
                 "CA": 3, "ES": 4, "IT": 4, "NL": 4, "BR": 3, "SG": 3, "HK": 3}
US_AREAS = ["212", "415", "312", "617", "206", "303", "512", "704", "919", "305", "404", "713",
            "602", "503", "614", "801", "612", "971", "737", "872"]
CA_AREAS = ["416", "647", "604", "778", "514", "438", "613", "403", "587", "902"]
CN_MOBILE = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
             "155", "156", "157", "158", "159", "166", "173", "176", "177", "178", "180", "181",
             "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

NAME_LIKE_EN = [
    "an *Amber* alert went out last night", "the headings are set in *Georgia*",
    "a pair of *Jordan* 4 Retro sneakers", "the *Summer* sale ends on Sunday",
    "*Will* do, thanks", "click *Mark* as resolved", "*Grant* read access to the billing group",
    "the *Rose* gold case", "the *Bill* Pay tab", "*Hope* this helps",
    "set the accent colour to *Ruby*", "the *Penny* Black stamp replica",
    "*Frank* feedback is welcome", "a *Ginger* ale multipack", "the *Major* incident template",
    "the *Holly* wreath bundle", "the *Iris* scanner kiosk", "the *Sterling* silver chain",
]
NAME_LIKE_CN = ["这个方案很*高明*", "祝您一路*平安*", "请*文明*用语", "*国庆*假期", "*光明*牛奶",
                "*永久*牌自行车", "*春风*十里的包装", "*长城*宽带"]
COMPANIES_EN = ["Johnson & Johnson", "Morgan Stanley", "Goldman Sachs", "Ernst & Young",
                "Marks & Spencer", "Procter & Gamble", "Charles Schwab", "Wells Fargo",
                "Ben & Jerry's", "Hugo Boss", "Tommy Hilfiger", "Calvin Klein", "Dolce & Gabbana",
                "Louis Vuitton", "Harley-Davidson", "Müller Logistik GmbH", "Schmidt & Söhne KG",
                "Dupont Frères SARL", "Van den Berg Transport B.V.", "Rossi Costruzioni S.r.l.",
                "García Hermanos S.L.", "Larkspur Retail Ltd", "Kestrel Analytics Ltd",
                "Brightwave Labs Inc."]
COMPANIES_CN = ["李宁体育用品有限公司", "周大福珠宝", "王老吉", "张小泉", "老凤祥", "海底捞",
                "李锦记", "深圳市腾讯计算机系统有限公司", "阿里巴巴（中国）有限公司",
                "北京字节跳动科技有限公司", "顺丰速运有限公司", "京东物流", "云帆科技有限公司"]
PRODUCTS_EN = ["iPhone 15 Pro Max", "Galaxy S24 Ultra", "ThinkPad X1 Carbon Gen 11",
               "Dyson V15 Detect", "Kindle Paperwhite", "AirPods Pro", "Pixel 8a",
               "Surface Laptop 5", "PlayStation 5 Slim", "Sonos Era 100",
               "Trailmaster 45L backpack",
               "Nordic wool throw", "Barista Pro espresso machine"]
PRODUCTS_CN = ["华为 Mate 60 Pro", "小米14 Ultra", "大疆 Mini 4 Pro", "美的空调 KFR-35GW",
               "格力云佳空调", "vivo X100", "九阳豆浆机", "苏泊尔电饭煲", "戴森吹风机"]
PLACES_EN = ["our *Frankfurt* data centre", "the eu-west-1 region in *Ireland*",
             "the *Singapore* edge PoP", "the us-east-1 (N. *Virginia*) cluster",
             "the *Tokyo* CDN node", "our *Amsterdam* colocation cage"]
PLACES_CN = ["*广州*转运中心", "*华东*（上海）节点", "*杭州*萧山分拨中心", "*武汉*集散中心",
             "*北京*亦庄仓"]
CARRIERS_EN = ["UPS", "DHL Express", "FedEx", "Royal Mail", "DPD", "USPS", "Colissimo", "PostNL"]
BANK_CN_CONTEXT = ["银行卡号", "工资卡", "储蓄卡", "借记卡", "收款卡号"]


# ================================================================ value generators


@dataclass
class Person:
    first: str
    last: str
    locale: str  # a Faker locale, or "zh_PY" for a romanised Chinese name

    @property
    def full(self) -> str:
        if self.locale == "zh_CN":
            return self.last + self.first
        return f"{self.first} {self.last}"

    @property
    def country(self) -> str:
        return LOCALE_COUNTRY[self.locale]


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "".join(c for c in s.lower() if c.isalnum())


def _cn_region_codes() -> list[str]:
    """Six-digit county codes valid in every year (no [from-to] marks) from stdnum's table."""
    codes: list[str] = []
    prefix = ""
    path = Path(stdnum.__file__).parent / "cn" / "loc.dat"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            prefix = line.split()[0]
            continue
        code, _, rest = line.strip().partition(" ")
        name = rest.partition("=")[2].strip('"')
        if "[" in name or code.endswith("00") or name in ("市辖区", "县") or len(code) != 4:
            continue
        codes.append(prefix + code)
    return codes


CN_REGION_CODES = _cn_region_codes()


class Gen:
    """All value generators, plus `fill()`: a template whose {slot}s become labelled values."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fk = fakers

    # ------------------------------------------------------------ helpers
    def pick(self, seq):  # type: ignore[no-untyped-def]
        return seq[self.rng.randrange(len(seq))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def digits(self, n: int, first_nonzero: bool = False) -> str:
        s = "".join(self.rng.choice(string.digits) for _ in range(n))
        if first_nonzero and s[0] == "0":
            s = self.rng.choice("123456789") + s[1:]
        return s

    def alnum(self, n: int, alphabet: str = string.ascii_uppercase + string.digits) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def hexs(self, n: int) -> str:
        return f"{self.rng.getrandbits(4 * n):0{n}x}"

    def fill(self, template: str, cache: dict[str, object] | None = None) -> Txt:
        """'Call {name} on {phone}' -> Txt; a slot name used twice gets the same value, an
        unknown name with trailing digits is a second value of that kind ({name2})."""
        cache = {} if cache is None else cache
        parts: list[object] = []
        for literal, name, _spec, _conv in _FMT.parse(template):
            parts.append(literal)
            if name is None:
                continue
            if name not in cache:
                slot = getattr(self, "s_" + name, None) or getattr(
                    self, "s_" + name.rstrip("0123456789"), None)
                if slot is None:
                    raise KeyError(f"unknown slot {{{name}}} in {template!r}")
                cache[name] = slot()
            parts.append(cache[name])
        return concat(parts)

    # ------------------------------------------------------------ people
    def person(self, locale: str | None = None) -> Person:
        if locale is None:
            locale = self.pick(WESTERN_LOCALES)
        if locale == "zh_CN":
            return Person(self.cn_given(), self.cn_surname(), "zh_CN")
        if locale == "zh_PY":
            f = self.fk["zh_CN"]
            return Person(f.first_romanized_name(), f.last_romanized_name(), "zh_PY")
        f = self.fk[locale]
        first, last = f.first_name(), f.last_name()
        if self.chance(0.07):
            first = self.pick(HYPHEN_FIRST)
        elif self.chance(0.07):
            last = self.pick(APOS_LAST)
        return Person(first, last, locale)

    def cn_surname(self) -> str:
        return self.pick(CN_COMPOUND) if self.chance(0.1) else self.fk["zh_CN"].last_name()

    def cn_given(self) -> str:
        if self.chance(0.5):
            return self.fk["zh_CN"].first_name()
        return "".join(self.pick(CN_GIVEN) for _ in range(self.rng.choice((1, 2, 2))))

    def email_for(self, p: Person) -> str:
        r = self.rng
        if p.locale == "zh_CN":
            if self.chance(0.35):
                return f"{self.digits(r.randint(6, 10), True)}@qq.com"
            f = self.fk["zh_CN"]
            user = f"{f.last_romanized_name()}.{f.first_romanized_name()}".lower()
            if self.chance(0.5):
                user = user.replace(".", r.choice(["", "_"])) + self.digits(r.randint(1, 3))
            return f"{user}@{self.pick(MAIL_DOMAINS['zh_CN'])}"
        first, last = ascii_fold(p.first), ascii_fold(p.last)
        user = self.pick([f"{first}.{last}", f"{first[0]}{last}", f"{first}_{last}",
                          f"{first}{last}{self.digits(2)}", f"{last}.{first[0]}",
                          f"{first}.{last}+{self.pick(['shop', 'news', 'orders'])}"])
        if self.chance(0.2):
            return f"{user}@{self.pick(WORK_DOMAINS)}"
        domains = MAIL_DOMAINS.get(p.locale, MAIL_DOMAINS["en_US"])
        return f"{user}@{self.pick(domains)}"

    # ------------------------------------------------------------ phones
    def phone_number(self, region: str, mobile: bool = True) -> pn.PhoneNumber:
        want = PNT.MOBILE if mobile else PNT.FIXED_LINE
        cc = pn.country_code_for_region(region)
        base = pn.national_significant_number(pn.example_number_for_type(region, want))
        for _ in range(2000):
            if region in ("US", "CA"):
                area = self.pick(US_AREAS if region == "US" else CA_AREAS)
                nsn = area + self.rng.choice("23456789") + self.digits(6)
            elif region == "CN" and mobile:
                nsn = self.pick(CN_MOBILE) + self.digits(8)
            else:
                keep = self.rng.randint(1, 3)
                nsn = base[:keep] + self.digits(len(base) - keep)
            num = pn.parse(f"+{cc}{nsn}")
            if (pn.is_valid_number(num) and pn.region_code_for_number(num) == region
                    and pn.number_type(num) in (want, PNT.FIXED_LINE_OR_MOBILE)):
                return num
        raise RuntimeError(f"no valid {region} number found")

    def format_phone(self, num: pn.PhoneNumber, style: str | None = None) -> str:
        region = pn.region_code_for_number(num)
        intl = pn.format_number(num, PNF.INTERNATIONAL)
        nat = pn.format_number(num, PNF.NATIONAL)
        e164 = pn.format_number(num, PNF.E164)
        nsn = pn.national_significant_number(num)
        cc = str(num.country_code)
        styles: dict[str, str] = {"intl": intl, "e164": e164, "national": nat}
        if region in ("US", "CA"):
            a, b, c = nsn[:3], nsn[3:6], nsn[6:]
            styles.update({"paren": f"({a}) {b}-{c}", "dash": f"{a}-{b}-{c}",
                           "dots": f"{a}.{b}.{c}", "one": f"1-{a}-{b}-{c}",
                           "plus_paren": f"+1 ({a}) {b}-{c}", "spaces": f"{a} {b} {c}"})
        elif region == "CN" and nsn.startswith("1") and len(nsn) == 11:
            a, b, c = nsn[:3], nsn[3:7], nsn[7:]
            styles.update({"plain": nsn, "dash": f"{a}-{b}-{c}", "spaces": f"{a} {b} {c}",
                           "plus_spaces": f"+86 {a} {b} {c}", "plus_dash": f"+86-{a}-{b}-{c}",
                           "plus": f"+86{nsn}", "cc_dash": f"86-{nsn}",
                           "paren": f"(+86) {a} {b} {c}", "idd": f"0086 {a} {b} {c}"})
            styles.pop("national")  # same as "spaces"
        elif region == "CN":
            area_len = 2 if nsn[0] in "12" else 3
            area, rest = nsn[:area_len], nsn[area_len:]
            styles.update({"dash": f"0{area}-{rest}", "paren": f"(0{area}) {rest[:4]} {rest[4:]}",
                           "plus_dash": f"+86-{area}-{rest}"})
        else:
            rest = intl[len(cc) + 2 :]
            styles["idd"] = f"00{cc} {rest}"
            styles["intl_dots"] = intl.replace(" ", ".").replace("-", ".")
            if region in ("DE", "GB", "NL", "FR", "AU"):
                styles["trunk0"] = f"+{cc} (0){rest}"
            if region == "DE":
                area, _, sub = nat.partition(" ")
                styles["slash"] = f"{area}/{sub.replace(' ', '')}"
            if region == "FR":
                styles["dots"] = nat.replace(" ", ".")
            if region in ("JP", "BR", "IN"):
                styles["intl_dash"] = intl.replace(" ", "-")
        text = styles[style] if style in styles else styles[self.pick(sorted(styles))]
        back = pn.parse(text, region)
        if not (pn.is_valid_number(back) and back.national_number == num.national_number):
            text = intl
        return text

    def phone(self, region: str | None = None, mobile: bool | None = None,
              style: str | None = None) -> str:
        if region is None:
            region = self.rng.choices(list(PHONE_WEIGHTS), weights=list(PHONE_WEIGHTS.values()))[0]
        if mobile is None:
            mobile = self.chance(0.75)
        return self.format_phone(self.phone_number(region, mobile), style)

    def bad_phone(self) -> str:
        """Looks like a phone number, is not valid for its region."""
        d = self.digits
        makers: list[tuple[Callable[[], str], str]] = [
            (lambda: f"({self.rng.choice('01')}{d(2)}) {d(3)}-{d(4)}", "US"),  # area code 0xx/1xx
            (lambda: f"1{self.rng.choice('0124')}{d(1)}-{d(4)}-{d(4)}", "CN"),  # no such prefix
            (lambda: f"+44 0{d(3)} {d(6)}", "GB"),  # trunk 0 kept after the country code
            (lambda: f"+49 30 {d(2)}", "DE"),  # too short
        ]
        for _ in range(1000):
            make, region = self.pick(makers)
            text = make()
            try:
                if not pn.is_valid_number(pn.parse(text, region)):
                    return text
            except pn.NumberParseException:
                return text
        raise RuntimeError("no invalid phone found")

    # ------------------------------------------------------------ ids and cards
    def ssn(self, style: str = "dash") -> str:
        while True:
            area = self.rng.randint(1, 899)
            if area != 666:
                break
        group, serial = self.rng.randint(1, 99), self.rng.randint(1, 9999)
        sep = {"dash": "-", "space": " ", "plain": ""}[style]
        return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"

    def card_digits(self, brand: str) -> str:
        r = self.rng
        if brand == "Visa":
            prefix, length = "4", 16
        elif brand == "Mastercard":
            prefix = str(r.randint(51, 55)) if self.chance(0.7) else str(r.randint(2221, 2720))
            length = 16
        elif brand == "American Express":
            prefix, length = r.choice(["34", "37"]), 15
        elif brand == "Discover":
            prefix, length = r.choice(["6011", "65", str(r.randint(644, 649))]), 16
        elif brand == "JCB":
            prefix, length = str(r.randint(3528, 3589)), 16
        elif brand == "UnionPay":
            prefix, length = r.choice(["6250", "6212", "6282", "6253"]), r.choice([16, 16, 17, 19])
        else:  # Diners Club
            prefix, length = r.choice(["36", "300", "305"]), 14
        body = prefix + self.digits(length - len(prefix) - 1)
        return body + luhn.calc_check_digit(body)

    def format_card(self, d: str, style: str | None = None) -> str:
        style = style or self.rng.choice(["plain", "space", "space", "dash"])
        if style == "plain":
            return d
        sep = " " if style == "space" else "-"
        if len(d) == 15:
            groups = [d[:4], d[4:10], d[10:]]
        elif len(d) == 14:
            groups = [d[:4], d[4:10], d[10:]]
        else:
            groups = [d[i : i + 4] for i in range(0, len(d), 4)]
        return sep.join(groups)

    def credit_card(self, brand: str | None = None, style: str | None = None) -> str:
        brand = brand or self.rng.choices(CARD_BRANDS, weights=[30, 25, 10, 6, 6, 15, 3])[0]
        return self.format_card(self.card_digits(brand), style)

    def bank_card(self, style: str | None = None) -> tuple[str, str]:
        bin_, bank = self.pick(CN_DEBIT_BINS)
        length = self.rng.choice([19, 19, 19, 19, 16, 17, 18])
        body = bin_ + self.digits(length - len(bin_) - 1)
        d = body + luhn.calc_check_digit(body)
        style = style or self.rng.choice(["plain", "plain", "space"])
        text = d if style == "plain" else " ".join(d[i : i + 4] for i in range(0, len(d), 4))
        return text, bank

    def luhn_fail(self, n: int = 16) -> str:
        body = self.rng.choice("3456") + self.digits(n - 2)
        good = luhn.calc_check_digit(body)
        return body + self.rng.choice([c for c in string.digits if c != good])

    def iban(self, country: str | None = None, grouped: bool | None = None) -> str:
        cc = country or self.pick(["DE", "FR", "GB", "ES", "IT", "NL", "BE", "PL", "AT", "CH",
                                   "IE", "PT"])
        d = self.digits
        if cc == "DE":
            bban = d(8, True) + d(10)
        elif cc == "FR":
            bank, branch, acct = d(5, True), d(5), d(11)
            key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97
            bban = f"{bank}{branch}{acct}{key:02d}"
        elif cc == "GB":
            bban = self.pick(GB_BANKS) + d(6) + d(8)
        elif cc == "ES":
            bank, branch, acct = d(4), d(4), d(10)
            bban = bank + branch + ccc.calc_check_digits(bank + branch + "00" + acct) + acct
        elif cc == "IT":
            abi, cab, acct = d(5), d(5), d(12)
            bban = self._it_cin(abi + cab + acct) + abi + cab + acct
        elif cc == "NL":
            bban = self.pick(NL_BANKS) + d(10)
        elif cc == "BE":
            first = self.pick(BE_BANKS) + d(7)
            check = int(first) % 97 or 97
            bban = f"{first}{check:02d}"
        elif cc == "PL":
            bban = d(24)
        elif cc == "AT":
            bban = d(16)
        elif cc == "CH":
            bban = d(17)
        elif cc == "IE":
            bban = self.pick(IE_BANKS) + d(14)
        else:  # PT
            bban = d(21)
        number = cc + std_iban.calc_check_digits(cc + "00" + bban) + bban
        assert std_iban.is_valid(number), number
        if grouped is None:
            grouped = self.chance(0.6)
        return std_iban.format(number) if grouped else number

    @staticmethod
    def _it_cin(s: str) -> str:
        odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22,
               25, 24, 23]
        total = 0
        for i, ch in enumerate(s):
            v = int(ch) if ch.isdigit() else ord(ch) - 65
            total += odd[v] if i % 2 == 0 else v
        return chr(65 + total % 26)

    def bad_iban(self) -> str:
        good = self.iban(grouped=False)
        wrong = (int(good[2:4]) + self.rng.randint(1, 90)) % 97 + 2
        bad = f"{good[:2]}{wrong:02d}{good[4:]}"
        assert not std_iban.is_valid(bad)
        return std_iban.format(bad)

    def birth_date(self, lo: int = 1948, hi: int = 2005) -> dt.date:
        start = dt.date(lo, 1, 1)
        return start + dt.timedelta(days=self.rng.randrange((dt.date(hi, 12, 31) - start).days))

    def cn_id(self, birth: dt.date | None = None, want_x: bool | None = None) -> str:
        birth = birth or self.birth_date()
        region = self.pick(CN_REGION_CODES)
        if want_x is None:
            want_x = self.chance(0.12)
        for _ in range(500):
            body = f"{region}{birth:%Y%m%d}{self.digits(3)}"
            check = ric.calc_check_digit(body + "0")  # it expects a placeholder
            if (check == "X") == want_x:
                break
        number = body + check
        assert ric.is_valid(number), number
        return number

    def bad_cn_id(self) -> str:
        good = self.cn_id(want_x=False)
        wrong = self.rng.choice([c for c in "0123456789" if c != good[-1]])
        assert not ric.is_valid(good[:-1] + wrong)
        return good[:-1] + wrong

    def passport(self, country: str | None = None) -> str:
        c = country or self.pick(["US", "GB", "CN", "DE", "FR", "IN", "JP", "IT", "ES", "NL"])
        d, a = self.digits, self.alnum
        letters = string.ascii_uppercase
        return {
            "US": self.rng.choice([d(9, True), a(1, letters) + d(8)]),
            "GB": d(9, True),
            "CN": self.rng.choice(["E" + d(8), "E" + a(1, "ABCDEFGH") + d(7), "G" + d(8)]),
            "DE": "C" + a(8, "CFGHJKLMNPRTVWXYZ0123456789"),
            "FR": str(self.rng.randint(10, 24)) + a(2, letters) + d(5),
            "IN": a(1, "JKLMNPRSTUVWZ") + d(7),
            "JP": a(2, "MTR") + d(7),
            "IT": a(2, "YABC") + d(7),
            "ES": a(3, "PAXB") + d(6),
            "NL": a(2, "NBPX") + a(6, "BCDFGHJKLMNPRSTVWXYZ0123456789") + d(1),
        }[c]

    def uscc(self) -> str:
        body = "91" + self.pick(CN_REGION_CODES) + self.alnum(9, "0123456789ABCDEFGHJKLMNPQRTUWXY")
        return body + uscc.calc_check_digit(body)

    # ------------------------------------------------------------ places
    def address(self, country: str | None = None) -> str:
        c = country or self.pick(["US", "US", "GB", "GB", "DE", "FR", "ES", "IT", "NL"])
        r = self.rng
        n = r.randint(1, 220)
        if c == "US":
            city, state, zp = self.pick(US_CITIES)
            sec = self.pick(["", "", "", f", Apt {r.randint(1, 30)}{r.choice('ABCD')}",
                             f", Suite {r.randint(100, 950)}", f" Unit {r.randint(2, 40)}"])
            zipcode = zp + self.digits(2) + (f"-{self.digits(4)}" if self.chance(0.2) else "")
            if self.chance(0.05):
                return f"PO Box {r.randint(100, 9999)}, {city}, {state} {zipcode}"
            return f"{r.randint(10, 9899)} {self.pick(US_STREETS)}{sec}, {city}, {state} {zipcode}"
        if c == "GB":
            city, area = self.pick(GB_CITIES)
            inward = self.alnum(2, "ABDEFGHJLNPQRSTUWXYZ")
            pc = f"{area}{r.randint(1, 19)} {r.randint(1, 9)}{inward}"
            flat = f"Flat {r.randint(1, 24)}, " if self.chance(0.25) else ""
            return f"{flat}{n} {self.pick(GB_STREETS)}, {city} {pc}"
        if c == "DE":
            city, plz = self.pick(DE_CITIES)
            return f"{self.pick(DE_STREETS)} {n}{r.choice(['', '', 'a', 'b'])}, " \
                   f"{plz}{self.digits(3)} {city}"
        if c == "FR":
            city, cps = self.pick(FR_CITIES)
            bis = r.choice(["", "", "", " bis"])
            return f"{n}{bis} {self.pick(FR_STREETS)}, {self.pick(cps)} {city}"
        if c == "ES":
            city, cp = self.pick(ES_CITIES)
            floor = self.pick(["", f", {r.randint(1, 8)}º {r.choice('ABCD')}"])
            return f"{self.pick(ES_STREETS)}, {n}{floor}, {cp}{self.digits(2)} {city}"
        if c == "IT":
            city, cap, prov = self.pick(IT_CITIES)
            return f"{self.pick(IT_STREETS)} {n}, {cap}{self.digits(2)} {city} ({prov})"
        city, pc = self.pick(NL_CITIES)
        return f"{self.pick(NL_STREETS)} {n}, {pc}{self.digits(2)} " \
               f"{self.alnum(2, 'ABCEGHJKLNPRSTVWXZ')} {city}"

    def street_line(self, country: str) -> str:
        """Only the street part of an address (for split address fields)."""
        n = self.rng.randint(1, 220)
        return {
            "US": f"{self.rng.randint(10, 9899)} {self.pick(US_STREETS)}",
            "GB": f"{n} {self.pick(GB_STREETS)}", "DE": f"{self.pick(DE_STREETS)} {n}",
            "FR": f"{n} {self.pick(FR_STREETS)}", "ES": f"{self.pick(ES_STREETS)}, {n}",
            "IT": f"{self.pick(IT_STREETS)} {n}", "NL": f"{self.pick(NL_STREETS)} {n}",
        }[country]

    def cn_address(self, shape: int | None = None) -> str:
        r = self.rng
        prov, city, districts, roads = self.pick(CN_PLACES)
        dist, road = self.pick(districts), self.pick(roads)
        num = f"{r.randint(1, 2888)}号"
        room = self.pick(["", f"{r.randint(1, 30)}号楼{r.randint(1, 32)}0{r.randint(1, 8)}室",
                          f"{r.randint(1, 20)}栋{r.randint(1, 6)}单元{r.randint(1, 33)}0"
                          f"{r.randint(1, 4)}室", f"{r.choice('ABCD')}座{r.randint(3, 40)}层"])
        shape = r.randrange(8) if shape is None else shape
        if shape == 0:
            return f"{prov}{city}{dist}{road}{num}{room}"
        if shape == 1:  # no province
            return f"{city}{dist}{road}{num}{room}"
        if shape == 2:  # estate with building / unit / room
            return f"{city}{dist}{self.pick(CN_ESTATES)}{r.randint(1, 30)}栋{r.randint(1, 6)}单元" \
                   f"{r.randint(1, 30)}0{r.randint(1, 4)}室"
        if shape == 3:  # sub-district
            return f"{prov}{city}{dist}{self.pick(CN_SUBDISTRICTS)}{road}{num}"
        if shape == 4:  # written with spaces, as in forms
            return " ".join(x for x in (prov, city, dist, road, num, room) if x)
        if shape == 5:  # lane (弄) numbering
            return f"{city}{dist}{road}{r.randint(100, 1999)}弄{r.randint(1, 60)}号" \
                   f"{r.randint(1, 20)}0{r.randint(1, 4)}室"
        if shape == 6:  # autonomous region
            prov, city, districts, roads = self.pick([p for p in CN_PLACES if "自治区" in p[0]])
            return f"{prov}{city}{self.pick(districts)}{self.pick(roads)}{num}"
        return f"{prov or city}{dist}{road}{num}{self.pick(CN_ESTATES)}"

    def py_address(self) -> str:
        r = self.rng
        city, prov, districts, roads = self.pick(PY_PLACES)
        parts = [f"Room {r.randint(1, 32)}0{r.randint(1, 8)}"]
        if self.chance(0.5):
            parts.append(f"Unit {r.randint(1, 6)}")
        if self.chance(0.6):
            parts.append(f"Building {r.randint(1, 20)}")
        parts += [f"No. {r.randint(1, 1500)} {self.pick(roads)}", self.pick(districts), city]
        if prov:
            parts.append(prov)
        return ", ".join(parts)

    def city(self, country: str | None = None) -> str:
        c = country or self.pick(["US", "GB", "DE", "FR", "ES", "IT", "NL", "CA", "AU", "IN",
                                  "JP", "IE", "PT"])
        table = {"US": US_CITIES, "GB": GB_CITIES, "DE": DE_CITIES, "FR": FR_CITIES,
                 "ES": ES_CITIES, "IT": IT_CITIES, "NL": NL_CITIES}
        if c in table:
            return self.pick(table[c])[0]
        return self.pick(EXTRA_CITIES[c])

    # ------------------------------------------------------------ dates
    def fmt_date(self, d: dt.date, style: str | None = None) -> str:
        styles = {
            "iso": f"{d:%Y-%m-%d}", "us": f"{d:%m/%d/%Y}", "eu": f"{d:%d/%m/%Y}",
            "de": f"{d:%d.%m.%Y}", "long": f"{d.day} {MONTHS[d.month - 1]} {d.year}",
            "us_long": f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
            "abbr": f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}", "slash": f"{d:%Y/%m/%d}",
            "cn": f"{d.year}年{d.month}月{d.day}日", "cn0": f"{d:%Y}年{d:%m}月{d:%d}日",
            "compact": f"{d:%Y%m%d}", "cn_slash": f"{d.year}/{d.month}/{d.day}",
            "cn_dot": f"{d.year}.{d.month}.{d.day}",
        }
        if style is None:
            style = self.pick(["iso", "us", "eu", "de", "long", "us_long", "abbr", "slash"])
        return styles[style]

    def other_date(self) -> dt.date:
        return dt.date(2019, 1, 1) + dt.timedelta(days=self.rng.randrange(2400))

    def timestamp(self) -> str:
        t = dt.datetime(2024, 1, 1) + dt.timedelta(seconds=self.rng.randrange(330 * 86400))
        return self.pick([f"{t:%Y-%m-%dT%H:%M:%SZ}", f"{t:%Y-%m-%d %H:%M:%S}",
                          f"{t:%Y-%m-%dT%H:%M:%S}.{self.digits(3)}+08:00",
                          f"{t:%d/%b/%Y:%H:%M:%S} +0000", f"{t:%a, %d %b %Y %H:%M:%S} +0100"])

    def epoch(self, ms: bool = False) -> str:
        v = self.rng.randint(1_704_067_200, 1_735_000_000)
        return f"{v}{self.digits(3)}" if ms else str(v)

    # ------------------------------------------------------------ network
    def ipv4(self, kind: str | None = None) -> str:
        r = self.rng
        kind = kind or r.choice(["public", "public", "public", "private", "private", "doc"])
        if kind == "private":
            return r.choice([f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                             f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                             f"192.168.{r.randint(0, 255)}.{r.randint(1, 254)}"])
        if kind == "doc":
            return f"{r.choice(['192.0.2', '198.51.100', '203.0.113'])}.{r.randint(1, 254)}"
        while True:
            a = r.randint(1, 223)
            if a not in (10, 100, 127, 169, 172, 192, 198, 203):
                return f"{a}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"

    def ipv6(self) -> str:
        r = self.rng
        groups = [f"{r.getrandbits(16):x}" for _ in range(8)]
        kind = r.randrange(3)
        if kind == 0:
            return "2001:db8:" + ":".join(groups[2:4]) + "::" + groups[7]
        if kind == 1:
            return "fe80::" + ":".join(groups[4:])
        return f"2a02:{r.choice(['8108', '810d', '1210', 'a03f'])}:" + ":".join(groups[2:])

    # ------------------------------------------------------------ PII slots
    def s_name(self) -> Txt:
        locale = "zh_PY" if self.chance(0.12) else None
        return pii("PERSON", self.person(locale).full)

    def s_name_en(self) -> Txt:
        return pii("PERSON", self.person(self.pick(["en_US", "en_GB"])).full)

    def s_cname(self) -> Txt:
        return pii("PERSON", self.person("zh_CN").full)

    def s_pname(self) -> Txt:
        p = self.person("zh_PY")
        return pii("PERSON", p.full if self.chance(0.6) else f"{p.last} {p.first}")

    def s_first(self) -> Txt:
        return pii("PERSON", self.person().first)

    def s_email(self) -> Txt:
        return pii("EMAIL", self.email_for(self.person()))

    def s_email_cn(self) -> Txt:
        return pii("EMAIL", self.email_for(self.person("zh_CN")))

    def s_phone(self) -> Txt:
        return pii("PHONE", self.phone())

    def s_phone_cn(self) -> Txt:
        return pii("PHONE", self.phone("CN", mobile=True))

    def s_phone_cn_land(self) -> Txt:
        return pii("PHONE", self.phone("CN", mobile=False))

    def s_phone_us(self) -> Txt:
        return pii("PHONE", self.phone("US"))

    def s_phone_eu(self) -> Txt:
        return pii("PHONE", self.phone(self.pick(["GB", "DE", "FR", "ES", "IT", "NL"])))

    def s_phone_intl(self) -> Txt:
        return pii("PHONE", self.phone(self.pick(["IN", "JP", "AU", "CA", "BR", "SG", "HK"])))

    def s_ssn(self) -> Txt:
        return pii("US_SSN", self.ssn(self.pick(["dash", "dash", "space"])))

    def s_cc(self) -> Txt:
        return pii("CREDIT_CARD", self.credit_card())

    def s_cc_up(self) -> Txt:
        return pii("CREDIT_CARD", self.credit_card("UnionPay"))

    def s_bank(self) -> Txt:
        return pii("BANK_CARD", self.bank_card()[0])

    def s_bank_sp(self) -> Txt:
        return pii("BANK_CARD", self.bank_card("space")[0])

    def s_bankname(self) -> str:
        return self.pick(CN_DEBIT_BINS)[1]

    def s_iban(self) -> Txt:
        return pii("IBAN", self.iban())

    def s_ip(self) -> Txt:
        return pii("IP_ADDRESS", self.ipv4())

    def s_ip_priv(self) -> Txt:
        return pii("IP_ADDRESS", self.ipv4("private"))

    def s_ip6(self) -> Txt:
        return pii("IP_ADDRESS", self.ipv6())

    def s_cnid(self) -> Txt:
        return pii("CN_RESIDENT_ID", self.cn_id())

    def s_cnid_x(self) -> Txt:
        return pii("CN_RESIDENT_ID", self.cn_id(want_x=True)[:-1] + "x")

    def s_passport(self) -> Txt:
        return pii("PASSPORT", self.passport())

    def s_passport_cn(self) -> Txt:
        return pii("PASSPORT", self.passport("CN"))

    def s_nationality(self) -> str:
        return self.pick(["German", "French", "British", "Irish", "Dutch", "Italian", "Spanish",
                          "Canadian", "Indian"])

    def s_addr(self) -> Txt:
        return pii("LOCATION", self.address())

    def s_addr_us(self) -> Txt:
        return pii("LOCATION", self.address("US"))

    def s_addr_uk(self) -> Txt:
        return pii("LOCATION", self.address("GB"))

    def s_addr_eu(self) -> Txt:
        return pii("LOCATION", self.address(self.pick(["DE", "FR", "ES", "IT", "NL"])))

    def s_addr_cn(self) -> Txt:
        return pii("LOCATION", self.cn_address())

    def s_addr_py(self) -> Txt:
        return pii("LOCATION", self.py_address())

    def s_city(self) -> Txt:
        return pii("LOCATION", self.city())

    def s_city_cn(self) -> Txt:
        return pii("LOCATION", self.pick(CN_CITIES_SHORT))

    def s_country(self) -> Txt:
        name = self.pick(list(COUNTRY_NAMES.values()))
        return concat(["the ", pii("LOCATION", name[4:])]) if name.startswith("the ") \
            else pii("LOCATION", name)

    def s_dob(self) -> Txt:
        return pii("DATE_OF_BIRTH", self.fmt_date(self.birth_date()))

    def s_dob_cn(self) -> Txt:
        style = self.pick(["cn", "cn", "cn0", "iso", "cn_slash"])
        return pii("DATE_OF_BIRTH", self.fmt_date(self.birth_date(), style))

    # ------------------------------------------------------------ hard-negative slots
    def s_order(self) -> Txt:
        r = self.rng
        return neg("order_id", self.pick([
            f"ORD-{r.randint(10000, 99999)}-{self.alnum(1, 'ABCDEFGHJK')}",
            f"#{r.randint(1_000_000, 9_999_999)}",
            f"SO-2024-{r.randint(1, 12):02d}-{self.digits(6)}",
            f"LR-{self.alnum(8)}", f"PO{self.digits(8)}"]))

    def s_order_cn(self) -> Txt:
        """18/19-digit order numbers: not resident IDs, not Luhn-valid cards."""
        while True:
            n = "24" + f"{self.rng.randint(1, 12):02d}" + self.digits(self.rng.choice([14, 15]))
            if not luhn.is_valid(n) and not ric.is_valid(n):
                return neg("order_id_long", n)

    def s_invoice(self) -> Txt:
        r = self.rng
        return neg("invoice", self.pick([f"INV-2024-{self.digits(6)}", f"RE-2024-{self.digits(4)}",
                                         f"F2024/{r.randint(1, 12):02d}/{self.digits(4)}",
                                         f"INV/24/{self.digits(5)}"]))

    def s_ticket(self) -> Txt:
        return neg("ticket", self.pick([f"HD-{self.digits(6, True)}", f"CS-2024-{self.digits(5)}",
                                        f"INC{self.digits(7)}", f"JIRA-{self.digits(4, True)}"]))

    def s_gongdan(self) -> Txt:
        return neg("gongdan", self.pick([f"GD2024{self.digits(9)}", f"WO-2024-{self.digits(6)}",
                                         f"TS{self.digits(10)}"]))

    def s_track(self) -> Txt:
        d = self.digits
        return neg("tracking", self.pick([
            f"1Z{self.alnum(6)}{d(2)}{d(8)}", f"9400 1{d(3)} {d(4)} {d(4)} {d(4)} {d(2)}",
            f"{d(4, True)} {d(4)} {d(4)}", f"{self.alnum(2, 'ABCDEFGHJKLMNPR')}{d(9)}GB",
            f"JJD{d(18)}", f"3S{self.alnum(4, 'ABCDEFGHJ')}{d(7)}"]))

    def s_kuaidi(self) -> Txt:
        d = self.digits
        return neg("kuaidi", self.pick([f"SF{d(13, True)}", f"7{d(13)}", f"YT{d(13)}",
                                        f"JT{d(13)}", f"JDVA{d(11)}"]))

    def s_uuid(self) -> Txt:
        return neg("uuid", str(uuid.UUID(int=self.rng.getrandbits(128), version=4)))

    def s_sha(self) -> Txt:
        return neg("git_sha", self.hexs(40))

    def s_short_sha(self) -> Txt:
        return neg("short_sha", self.hexs(self.rng.choice([7, 8, 10, 12])))

    def s_sha256(self) -> Txt:
        return neg("sha256", self.hexs(64))

    def s_md5(self) -> Txt:
        return neg("md5", self.hexs(32))

    def s_epoch(self) -> Txt:
        return neg("epoch", self.epoch())

    def s_epoch13(self) -> Txt:
        return neg("epoch_ms", self.epoch(ms=True))

    def s_ts(self) -> Txt:
        return neg("timestamp", self.timestamp())

    def s_date(self) -> Txt:
        return neg("date_not_birth", self.fmt_date(self.other_date()))

    def s_date_cn(self) -> Txt:
        return neg("date_not_birth", self.fmt_date(self.other_date(), self.pick(["cn", "iso"])))

    def s_ver(self) -> Txt:
        r = self.rng
        return neg("version", self.pick([f"{r.randint(1, 9)}.{r.randint(0, 30)}.{r.randint(0, 20)}",
                                         f"v{r.randint(1, 5)}.{r.randint(0, 12)}.{r.randint(0, 9)}",
                                         f"{r.randint(1, 4)}.{r.randint(0, 9)}.{r.randint(0, 9)}"
                                         f"-rc.{r.randint(1, 4)}"]))

    def s_ver4(self) -> Txt:
        r = self.rng
        return neg("version4", f"{r.randint(1, 31)}.{r.randint(0, 12)}.{r.randint(0, 300)}."
                               f"{r.randint(0, 9999)}")

    def s_chrome(self) -> Txt:
        r = self.rng
        return neg("version4", f"{r.randint(109, 131)}.0.{r.randint(5000, 6800)}."
                               f"{r.randint(40, 220)}")

    def s_masked(self) -> Txt:
        d = self.phone("CN", True, "plain")
        return neg("masked", self.pick([f"{d[:3]}****{d[7:]}", f"{d[:3]}-****-{d[7:]}"]))

    def s_bad_cnid(self) -> Txt:
        return neg("bad_cnid", self.bad_cn_id())

    def s_bad_luhn(self) -> Txt:
        d = self.luhn_fail(16)
        return neg("bad_luhn16", self.pick([d, " ".join(d[i : i + 4] for i in range(0, 16, 4))]))

    def s_bad_phone(self) -> Txt:
        return neg("bad_phone", self.bad_phone())

    def s_bad_iban(self) -> Txt:
        return neg("bad_iban", self.bad_iban())

    def s_sku(self) -> Txt:
        return neg("sku", self.pick([f"LR-{self.alnum(3, 'BAGTSHOEKW')}-{self.digits(4)}-BLK",
                                     f"SKU {self.digits(5)}-XL", f"B0{self.alnum(8)}",
                                     f"{self.alnum(2, 'ABCDEFG')}{self.digits(4)}-"
                                     f"{self.digits(2)}"]))

    def s_ean(self) -> Txt:
        body = self.pick(["400", "690", "693", "871", "300", "800"]) + self.digits(9)
        check = (10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10
        return neg("ean", f"{body}{check}")

    def s_fapiao(self) -> Txt:
        return neg("fapiao", self.pick([self.digits(8), "24" + self.digits(18)]))

    def s_fapiao_code(self) -> Txt:
        return neg("fapiao_code", "0" + self.digits(11))

    def s_uscc(self) -> Txt:
        return neg("uscc", self.uscc())

    def s_amount(self) -> Txt:
        r = self.rng
        v = r.randint(499, 500_000) / 100 if self.chance(0.9) else r.randint(1, 90_000_000) / 10
        return neg("amount", self.pick([f"${v:,.2f}", f"£{v:,.2f}", f"{v:,.2f}", f"USD {v:,.2f}",
                                        f"€{v:,.2f}"]))

    def s_amount_eu(self) -> Txt:
        v = self.rng.randint(100, 9_000_000) / 100
        s = f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
        return neg("amount", self.pick([f"{s} €", f"€ {s}", f"EUR {s}"]))

    def s_amount_cn(self) -> Txt:
        v = self.rng.randint(100, 5_000_000) / 100
        return neg("amount", self.pick([f"¥{v:,.2f}", f"{v:,.2f}元", f"人民币{v:,.2f}元"]))

    def s_product(self) -> Txt:
        return neg("product", self.pick(PRODUCTS_EN))

    def s_product_cn(self) -> Txt:
        return neg("product", self.pick(PRODUCTS_CN))

    def s_company(self) -> Txt:
        return neg("company", self.pick(COMPANIES_EN))

    def s_company_cn(self) -> Txt:
        return neg("company", self.pick(COMPANIES_CN))

    def s_nameword(self) -> Txt:
        return starred(self.pick(NAME_LIKE_EN), "name_like_word")

    def s_nameword_cn(self) -> Txt:
        return starred(self.pick(NAME_LIKE_CN), "name_like_word")

    def s_place(self) -> Txt:
        return starred(self.pick(PLACES_EN), "place_not_personal")

    def s_place_cn(self) -> Txt:
        return starred(self.pick(PLACES_CN), "place_not_personal")

    def s_imei(self) -> Txt:
        body = "35" + self.digits(12)
        return neg("imei", body + luhn.calc_check_digit(body))

    def s_mac(self) -> Txt:
        return neg("mac", ":".join(f"{self.rng.getrandbits(8):02X}" for _ in range(6)))

    def s_bic(self) -> Txt:
        return neg("bic", self.pick(BICS))

    def s_api_key(self) -> Txt:
        return neg("api_key", self.pick(["sk_test_", "pk_live_", "whsec_", "lrk_"]) +
                   self.alnum(24, string.ascii_lowercase + string.digits))

    def s_brand(self) -> str:
        return self.pick(CARD_BRANDS)

    def s_carrier(self) -> str:
        return self.pick(CARRIERS_EN)

    def s_last4(self) -> str:
        return self.digits(4)

    # ------------------------------------------------------------ coherent personas
    def persona(self, locale: str | None = None) -> dict[str, object]:
        """Slot values that belong to one person: {name}, {first}, {email}, {phone}, {addr},
        {dob} (Chinese personas: {cname}, {email_cn}, {phone_cn}, {addr_cn}, {cnid}, {dob_cn})."""
        p = self.person(locale)
        birth = self.birth_date()
        if p.locale == "zh_CN":
            cnid = self.cn_id(birth)
            if cnid.endswith("X") and self.chance(0.4):
                cnid = cnid[:-1] + "x"
            return {"cname": pii("PERSON", p.full), "email_cn": pii("EMAIL", self.email_for(p)),
                    "phone_cn": pii("PHONE", self.phone("CN", mobile=True)),
                    "addr_cn": pii("LOCATION", self.cn_address()),
                    "cnid": pii("CN_RESIDENT_ID", cnid),
                    "dob_cn": pii("DATE_OF_BIRTH", self.fmt_date(birth, self.pick(
                        ["cn", "cn", "cn0", "iso", "cn_slash"]))),
                    "person": p, "birth": birth}
        country = p.country
        date_style = {"US": ["us", "us_long", "iso"], "GB": ["eu", "long", "iso"],
                      "DE": ["de", "iso", "long"]}.get(country, ["eu", "iso", "long", "abbr"])
        return {"name": pii("PERSON", p.full), "first": pii("PERSON", p.first),
                "email": pii("EMAIL", self.email_for(p)),
                "phone": pii("PHONE", self.phone(country)),
                "addr": pii("LOCATION", self.py_address() if country == "CN"
                            else self.address(country)),
                "dob": pii("DATE_OF_BIRTH", self.fmt_date(birth, self.pick(date_style))),
                "person": p, "birth": birth}


# ================================================================ documents


@dataclass
class Doc:
    path: str
    fmt: str
    encoding: str = "utf-8"  # utf-8, utf-8-sig, gb18030, utf-16
    newline: str = "\n"
    lines: list[Txt] = field(default_factory=list)
    size: int = 0

    def add(self, *items: object) -> None:
        for item in items:
            for line in split_lines(as_txt(item)):
                assert "\r" not in line.s
                self.lines.append(line)
                self.size += len(line.s.encode("utf-8")) + 1


@dataclass
class Table:
    """A Parquet file: rows of cells (Txt), reported by the scanner as line = row number."""

    path: str
    columns: list[str]
    rows: list[dict[str, object]] = field(default_factory=list)
    fmt: str = "parquet"


# ---------------------------------------------------------------- scenario library

EN_DIALOGUES: list[list[tuple[str, str]]] = [
    [("u", "Hi, I moved last week and need to update my delivery address."),
     ("a", "Of course. What's the new address?"),
     ("u", "{addr}"),
     ("a", "Thanks, {first}. Orders placed from now on will go to {addr}."),
     ("u", "Great. Can you also change the phone number to {phone}?"),
     ("a", "Done. You'll get a confirmation text in a minute.")],
    [("u", "I returned the {product} on {date} and I still haven't been refunded."),
     ("a", "Sorry for the wait. Could you share the order number?"),
     ("u", "Sure, it's {order}."),
     ("a", "Thanks. The refund of {amount} went to the card ending in {last4}; banks can take "
           "5-10 business days."),
     ("u", "That card was closed. Could you send it to my new card {cc} instead?"),
     ("a", "Please don't post full card numbers in chat. I've sent a secure link to {email} "
           "where you can add the new card.")],
    [("a", "Before I can discuss the account, please confirm your full name and date of birth."),
     ("u", "{name}, born {dob}."),
     ("a", "Thank you. And the billing address?"),
     ("u", "It's {addr}."),
     ("a", "Perfect, you're verified. How can I help today?")],
    [("u", "I got an alert about a sign-in from {ip} at {ts}. That wasn't me!"),
     ("a", "I've signed out all sessions and blocked that address. Your last normal sign-in "
           "came from {ip2}."),
     ("u", "OK. Should I change my password?"),
     ("a", "Yes, and please turn on two-step verification. Codes will go to {phone}.")],
    [("u", "Payroll bounced my direct deposit form. My SSN is {ssn} and I was born on {dob}."),
     ("a", "Thanks. For privacy I've masked the SSN in this thread. The form was rejected "
           "because the routing number was missing."),
     ("u", "Got it, I'll resend it from {email}.")],
    [("u", "I need to add passport details to booking {order}."),
     ("a", "Sure, please send the passport number, nationality and expiry date."),
     ("u", "Passport number {passport}, {nationality}, expires {date}."),
     ("a", "Saved. The traveller name is {name}; is that exactly as printed in the passport?"),
     ("u", "Yes. My son travels too: {name2}, date of birth {dob}.")],
    [("u", "Where should I send the deposit for invoice {invoice}?"),
     ("a", "Please transfer {amount_eu} to IBAN {iban} (BIC {bic}) and quote {invoice} as the "
           "reference."),
     ("u", "Done, it went out from my account {iban2} this morning.")],
    [("u", "My parcel ({carrier}, tracking {track}) has said 'out for delivery' since Tuesday."),
     ("a", "I've opened a trace with {carrier} under case {ticket}. Is {phone} still the best "
           "number for the driver?"),
     ("u", "Yes, or my neighbour {name2} can take it.")],
    [("u", "Can you recommend a laptop bag that fits a 16-inch screen?"),
     ("a", "The {product} sleeve fits up to 16 inches. It's {amount} and ships in two days."),
     ("u", "Nice, thanks!")],
    [("u", "The app crashes on launch since the update to {ver}."),
     ("a", "Thanks for reporting it. Build {ver4} fixes a crash on older Android devices, "
           "could you try that one?"),
     ("u", "Still crashing. The log id is {uuid}."),
     ("a", "Got it, I've attached it to {ticket}. The fix landed in commit {short_sha}.")],
    [("u", "I'm relocating from {city} to {city2} next month. Will my subscription carry over?"),
     ("a", "Yes, it's valid everywhere. Just update the billing address once you've moved.")],
    [("u", "I'm ordering a gift for my colleague {pname}. Can you ship to {addr_py}?"),
     ("a", "Yes, we deliver to mainland China. Please add a local phone number for customs."),
     ("u", "Use {phone_cn}, that's her mobile.")],
    [("u", "Quick one: {nameword}. Anyway, is the {product} back in stock?"),
     ("a", "It is! Stock arrived from {place} this morning."),
     ("u", "Great, I'll order it now.")],
    [("u", "Can you invoice my employer instead? It's {company}, billing contact {name}, "
           "{email}."),
     ("a", "Sure. I've added them as the bill-to party on {order}.")],
    [("u", "My card keeps getting declined at checkout. It's a {brand} ending in {last4}."),
     ("a", "Sorry about that. Declines usually come from the bank. Did you get a 3-D Secure "
           "prompt?"),
     ("u", "No. Here's the full number in case it was mistyped: {cc}, expiry 11/26."),
     ("a", "Please never share the full number here; I've redacted it. Try paying with "
           "{email} as the billing e-mail and the exact billing address {addr}.")],
    [("u", "Can I split the payment between two cards? {cc} and {cc2}."),
     ("a", "Yes, choose 'split payment' at checkout. I can't take card numbers in chat.")],
    [("u", "Our accounts team says the refund hit {bad_luhn}, which isn't one of our cards."),
     ("a", "That's the transaction reference, not a card number. The money went back to the "
           "original payment method.")],
    [("u", "Please close my account and delete my data. Registered email: {email}."),
     ("a", "Understood. Request {ticket} is open; it completes within 30 days."),
     ("u", "Thanks. For the record, I live in {country} now, in case that matters for GDPR.")],
    [("u", "I'm {name}, calling about my late mother's account. Her date of birth was {dob} and "
           "the account was registered to {addr}."),
     ("a", "I'm sorry for your loss. I'll send the bereavement form to {email}.")],
    [("u", "Customs needs my tax ID: SSN {ssn}. Can you put it on the commercial invoice?"),
     ("a", "We can't print SSNs on invoices. Please give it to the carrier directly.")],
]

CN_DIALOGUES: list[list[tuple[str, str]]] = [
    [("u", "你好，我想改一下收货地址"),
     ("a", "您好，请提供订单号和新的收货地址哦"),
     ("u", "订单号{order_cn}，新地址是{addr_cn}"),
     ("a", "已为您修改，收件人{cname}，联系电话{phone_cn}，请核对一下"),
     ("u", "对的，谢谢")],
    [("u", "退款能直接打到银行卡吗？卡号{bank}"),
     ("a", "可以的，请问开户行和户名是？"),
     ("u", "{bankname}，户名{cname}"),
     ("a", "好的，已提交财务处理，工单号{gongdan}，预计3个工作日到账")],
    [("a", "为完成实名认证，请提供您的身份证号码"),
     ("u", "{cnid}"),
     ("a", "收到，系统显示出生日期为{dob_cn}，请确认是否正确"),
     ("u", "是的，没问题")],
    [("u", "我的快递{kuaidi}三天没更新了，一直显示在{place_cn}"),
     ("a", "非常抱歉，已为您催件，请保持电话{phone_cn}畅通"),
     ("u", "好的，麻烦快一点")],
    [("u", "发票抬头：{company_cn}，税号{uscc}"),
     ("a", "好的，电子发票开好后发到哪个邮箱呢？"),
     ("u", "发到{email_cn}就行"),
     ("a", "已开具，发票号码{fapiao}，请注意查收")],
    [("u", "我手机号换了，新号码{phone_cn}，旧号{phone_cn2}已经停用"),
     ("a", "已更新，之后的验证码会发送到新号码")],
    [("u", "我是{dob_cn}出生的，会员生日礼包在哪里领？"),
     ("a", "生日当月登录会员中心即可领取哦")],
    [("u", "用Visa卡{cc}付款一直失败，换成银联卡{cc_up}也不行"),
     ("a", "抱歉给您带来不便，请确认卡片已开通网上支付功能"),
     ("u", "开通了，预留手机号是{phone_cn}")],
    [("u", "我的信用卡{cc_up}这期账单{amount_cn}，可以分期吗"),
     ("a", "可以分3/6/12期，请在APP账单页面操作")],
    [("u", "帮我查一下{cname2}的订单，她的电话是{phone_cn2}"),
     ("a", "抱歉，为保护用户隐私，需要账户本人来咨询哦")],
    [("u", "护照号码{passport_cn}，帮我订{date_cn}去东京的机票"),
     ("a", "已为您预订，乘机人{cname}，请核对护照信息是否一致")],
    [("u", "我住在{city_cn}，附近有门店吗？"),
     ("a", "有的，您可以在小程序里搜索最近的门店")],
    [("u", "这款{product_cn}还有现货吗"),
     ("a", "有的，今天下单明天发货，{nameword_cn}")],
    [("u", "工资卡{bank_sp}被冻结了，你们能看到原因吗"),
     ("a", "我们无法查询银行卡状态，请联系{bankname}客服")],
    [("u", "订单{order_cn}的发票代码{fapiao_code}，号码{fapiao}，金额不对"),
     ("a", "已记录，工单号{gongdan}，财务会在两个工作日内回复")],
    [("u", "身份证最后一位是小写的x，{cnid_x}，提交时提示格式错误"),
     ("a", "请将x改为大写X后重新提交哦")],
    [("u", "身份证号{bad_cnid}提交不了，是不是系统有问题"),
     ("a", "系统提示校验位不正确，麻烦核对最后一位")],
    [("u", "我的身份证{cnid}，地址{addr_cn}，帮我开个电子发票"),
     ("a", "开发票不需要身份证哦，为了您的信息安全请不要发送证件号码")],
]


def dialogue(g: Gen, lang: str) -> tuple[list[tuple[str, Txt]], dict[str, object]]:
    """One scripted conversation, filled with a coherent persona."""
    cache = g.persona("zh_CN" if lang == "cn" else None)
    script = g.pick(CN_DIALOGUES if lang == "cn" else EN_DIALOGUES)
    return [(who, g.fill(t, cache)) for who, t in script], cache


# ---------------------------------------------------------------- support tickets (.txt)

TICKET_CUSTOMER = [
    "I was charged twice for order {order}. Please refund one of the payments.",
    "Please update my delivery address to {addr}; the old one was {addr2}.",
    "My new mobile number is {phone}, the old one no longer works.",
    "You can reach me on {phone} after 6pm.",
    "The card I used was {cc} (expiry 08/27), in case that helps you find the payment.",
    "For the refund by bank transfer: IBAN {iban}, account holder {name}.",
    "I've moved from {city} to {city2}, so the tax form needs updating.",
    "My date of birth is {dob} if you need it to verify the account.",
    "Tracking number {track} hasn't updated since Monday.",
    "The parcel arrived damaged, photos attached. Order reference {order}.",
    "Invoice {invoice} shows the wrong VAT amount ({amount} instead of {amount2}).",
    "My colleague {name} will collect the parcel on my behalf.",
    "Please send the replacement to my office instead: {addr}.",
    "I'm travelling on passport {passport}; can the booking be changed to match it?",
    "Sign-ins from {ip} were blocked this morning. Is my account locked?",
    "The app says version {ver} is outdated but the store has no update.",
    "Thanks for the quick response last time.",
    "The box was left with a neighbour without a note.",
    "I've attached a screenshot of the error message.",
    "It's the third time I'm writing about this.",
    "The size chart on the website seems to be wrong for the {product}.",
    "Unrelated, but {nameword}. Also the discount code didn't apply at checkout.",
    "I bought it as a present, so please don't include the receipt.",
    "The HR form asks for my SSN, it's {ssn}; please add it to my supplier profile.",
    "Our company ({company}) needs the invoice addressed to the finance department.",
    "The serial number on the box is {sku}, the IMEI is {imei}.",
]
TICKET_AGENT = [
    "Thanks for reaching out, {first}.",
    "I've escalated this to our billing team under case {ticket}.",
    "Your refund of {amount} will be processed within 5-7 business days.",
    "For security, please don't send full card numbers by email; I've removed it from the ticket.",
    "I can see a sign-in attempt from {ip} at {ts}, which we have blocked.",
    "We've updated the shipping address to {addr}.",
    "The replacement has shipped with {carrier}, tracking {track}.",
    "Could you confirm the last four digits of the phone number on file?",
    "Our warranty partner {company} will contact you; their reference is {order}.",
    "I've re-sent invoice {invoice} to the address on file.",
    "This was caused by a bug fixed in release {ver}.",
    "Please allow 24 hours for the change to show in the app.",
    "I'm sorry for the trouble this has caused.",
    "I've noted that {name} may collect the order; they'll need photo ID.",
    "We can't accept passport scans by email. Please use the secure upload page instead.",
]


def gen_tickets(g: Gen, doc: Doc, budget: int) -> None:
    doc.add("# Helpdesk export: queue=Consumer EU+US, format=plain, generated by export-tool "
            + g.fill("{ver}"), "")
    while doc.size < budget:
        cache = g.persona()
        agent = g.person(g.pick(["en_GB", "en_US", "fr_FR", "nl_NL"]))
        rule = "=" * 66
        doc.add(rule,
                g.fill("Ticket {ticket}   Status: " + g.pick(["Open", "Pending", "Solved"]) +
                       "   Priority: " + g.pick(["Low", "Normal", "High"])),
                g.fill("Created: {ts}   Channel: " + g.pick(["email", "web form", "chat"]) +
                       "   Requester ID: {uuid}"),
                "-" * 66,
                g.fill('From: "{name}" <{email}>', cache),
                concat(["To: ", pii("EMAIL", "support@larkspur-retail.com")]),
                g.fill("Subject: " + g.pick(["Re: ", "", "Fwd: "]) + g.pick(
                    ["Refund for order {order}", "Wrong address on my account",
                     "Problem with my last delivery", "Billing question", "Account locked"]),
                       cache),
                "")
        doc.add(g.pick(["Hello,", "Hi there,", "Dear Larkspur team,", "Good morning,"]))
        for t in g.rng.sample(TICKET_CUSTOMER, g.rng.randint(2, 4)):
            doc.add(g.fill(t, cache))
        doc.add("", g.pick(["Best regards,", "Thanks,", "Kind regards,", "Cheers,"]))
        doc.add(cache["name"])
        if g.chance(0.5):
            doc.add(cache["phone"])
        if g.chance(0.3):
            doc.add(concat([g.s_company(), " | ", g.fill("{addr}", cache)]))
        doc.add("", concat(["--- Agent reply (", pii("PERSON", agent.full), ", ", g.s_ts(),
                            ") ---"]))
        for t in g.rng.sample(TICKET_AGENT, g.rng.randint(2, 4)):
            doc.add(g.fill(t, cache))
        doc.add("--", concat([pii("PERSON", agent.full), " | Customer Care | Larkspur Retail Ltd"]),
                "")


# ---------------------------------------------------------------- e-mail threads (.eml, CRLF)


def gen_eml(g: Gen, doc: Doc, budget: int) -> None:
    chinese = "cn" in doc.path
    cust = g.persona("zh_CN" if chinese else g.pick(["it_IT", "de_DE", "fr_FR", "en_GB"]))
    name = cust["cname"] if chinese else cust["name"]
    email = cust["email_cn"] if chinese else cust["email"]
    lawyer = g.person("zh_CN" if chinese else None)
    mail_host = as_txt(email).s.split("@")[1]
    date = g.other_date()
    stamp = f"{date:%a, %d %b %Y} {g.rng.randint(7, 20):02d}:{g.rng.randint(0, 59):02d}:07 +0100"
    msgid = f"<{date:%Y%m%d}{g.digits(6)}.{g.hexs(10).upper()}@mail-out.{mail_host}>"
    doc.add(concat(["Return-Path: <", email, ">"]),
            concat(["Received: from mail-out.", mail_host, " (mail-out.", mail_host, " [",
                    g.s_ip(), "])"]),
            concat(["        by mx1.larkspur-retail.com with ESMTPS id ", neg("smtp_id",
                    g.alnum(15, string.ascii_letters + string.digits))]),
            concat(["        for <", pii("EMAIL", "claims@larkspur-retail.com"), ">; " + stamp]),
            concat(["Message-ID: ", neg("message_id", msgid)]),
            "Date: " + stamp,
            concat(["From: ", name, " <", email, ">"]),
            concat(['To: "Claims Team" <', pii("EMAIL", "claims@larkspur-retail.com"), ">"]),
            concat(['Cc: "', pii("PERSON", lawyer.full), '" <', pii("EMAIL", g.email_for(lawyer)),
                    ">"]),
            g.fill("Subject: " + ("理赔材料补充 / claim {ticket}" if chinese else
                                  "Claim {ticket} - documents")),
            "MIME-Version: 1.0", 'Content-Type: text/plain; charset="utf-8"',
            "Content-Transfer-Encoding: 8bit",
            concat(["X-Originating-IP: [", g.s_ip(), "]"]), "")
    if chinese:
        card, bank = g.bank_card()
        cust.update(bank=pii("BANK_CARD", card), bank_of_card=bank)
        body = ["您好，", "", "附件是理赔所需的材料，相关信息如下：",
                "投保人：{cname}", "身份证号码：{cnid}", "出生日期：{dob_cn}",
                "联系电话：{phone_cn}",
                "理赔款收款账户：{bank}（{bank_of_card}）", "通讯地址：{addr_cn}", "",
                "快递单号{kuaidi}寄出的原件请查收。",
                "如有问题请联系我的代理人，电话{phone_cn2}。", "",
                "此致", "{cname}"]
    else:
        loc = cust["person"].locale  # type: ignore[attr-defined]
        born, passport = {"de_DE": ("Geburtsdatum", "Reisepass-Nr."),
                          "fr_FR": ("Date de naissance", "N° de passeport"),
                          "it_IT": ("Data di nascita", "Numero passaporto")}.get(
                              loc, ("Date of birth", "Passport no."))
        body = ["Dear Claims Team,", "",
                "please find attached the documents you asked for. Details for the payout:",
                "Policy holder: {name}", born + ": {dob}", passport + ": {passport}",
                "IBAN: {iban}", "Phone: {phone}",
                "Postal address: {addr}", "",
                "The originals were posted with tracking number {track}.",
                "If anything is missing, my lawyer can be reached on {phone_eu}.", "",
                "Kind regards,", "{name}"]
    for t in body:
        doc.add(g.fill(t, cust))
    quote_from = concat(["Claims Team <", pii("EMAIL", "claims@larkspur-retail.com"), ">"])
    doc.add("", concat([f"On {g.other_date():%a, %d %b %Y} at 17:22, ", quote_from, " wrote:"]))
    agent = g.person("en_GB")
    quoted = ["> Thank you for your message regarding claim {ticket}.",
              "> To process the payout we need proof of address and the account details.",
              "> Reference: {invoice}", ">", "> Best regards,"]
    for t in quoted:
        doc.add(g.fill(t))
    doc.add(concat(["> ", pii("PERSON", agent.full)]), "> Claims Handling, Larkspur Retail Ltd")
    while doc.size < budget:
        fwd = g.persona()
        doc.add(">", g.fill(g.pick([
            "> Earlier message from {name}: my number changed to {phone}.",
            "> Previous correspondence: invoice {invoice}, amount {amount_eu}.",
            "> Forwarded by {name} <{email}> on {ts}",
            "> Internal note: customer called from {phone}; verified DOB {dob}.",
            "> Please do not reply to this automated message ({uuid}).",
            "> Attachment checksum {sha256}"]), fwd))


# ---------------------------------------------------------------- chat transcripts (.json)


def _chat_conversation(g: Gen) -> dict[str, object]:
    lang = "cn" if g.chance(0.35) else "en"
    turns, cache = dialogue(g, lang)
    p: Person = cache["person"]  # type: ignore[assignment]
    agent = g.person("zh_CN" if lang == "cn" else g.pick(["en_GB", "en_US", "de_DE"]))
    t0 = int(g.epoch())
    messages = []
    for i, (who, text) in enumerate(turns):
        msg: dict[str, object] = {"sender": "visitor" if who == "u" else "agent",
                                  "ts": raw(neg("epoch", str(t0 + 17 * i))), "text": text}
        if who == "a" and g.chance(0.2):
            msg["meta"] = {"intent": g.pick(["update_address", "refund", "verify"]),
                           "confidence": round(g.rng.random(), 2)}
        messages.append(msg)
    if lang == "cn":
        geo = {"city": pii("LOCATION", g.pick(CN_CITIES_SHORT)), "country": "CN"}
        display = cache["cname"]
        email = cache["email_cn"]
    else:
        geo = {"city": pii("LOCATION", g.city(p.country)), "country": p.country}
        display = cache["name"] if g.chance(0.7) else cache["first"]
        email = cache["email"]
    geo["ip"] = g.s_ip() if g.chance(0.85) else g.s_ip6()
    chrome = g.s_chrome()
    visitor = {"display_name": display, "email": email, "geo": geo,
               "user_agent": concat(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
                                     " (KHTML, like Gecko) Chrome/", chrome, " Safari/537.36"])}
    return {"conversation_id": g.s_uuid(), "started_at": g.s_ts(), "channel": "web_widget",
            "visitor": visitor, "agent": {"id": f"agt_{g.digits(4)}",
                                          "name": pii("PERSON", agent.full)},
            "tags": g.rng.sample(["billing", "refund", "delivery", "account", "kyc"], 2),
            "messages": messages,
            "csat": {"score": g.rng.randint(1, 5), "comment": g.pick(
                ["", "Quick and friendly", "Took too long", "服务很好", "问题已解决"])}}


def gen_chat_json(g: Gen, doc: Doc, budget: int) -> None:
    convs: list[Txt] = []
    size = 0
    while size < budget:
        c = jdump(_chat_conversation(g), indent=2)
        size += len(c.s.encode("utf-8")) + 4
        convs.append(c)
    doc.add(concat(["[\n", join(",\n", [_indent(c, 2) for c in convs]), "\n]"]))


def _indent(t: Txt, n: int) -> Txt:
    lines = split_lines(t)
    return join("\n", [concat([" " * n, ln]) for ln in lines])


def gen_chat_min(g: Gen, doc: Doc, budget: int) -> None:
    """Minified JSON: one array whose pages (12 sessions each) sit on very long lines."""
    pages: list[Txt] = []
    size = 0
    while size < budget:
        sessions = []
        for _ in range(12):
            c = _chat_conversation(g)
            msgs = [{"f": m["sender"][0], "t": m["text"]} for m in c["messages"]]  # type: ignore
            sessions.append({"id": c["conversation_id"], "v": c["visitor"], "msgs": msgs})
        page = jdump({"export": "app_sessions", "page": len(pages) + 1, "sessions": sessions},
                     compact=True)
        size += len(page.s.encode("utf-8")) + 2
        pages.append(page)
    doc.add(concat(["[", join(",\n", pages), "]"]))


# ---------------------------------------------------------------- SFT / RAG / KYC (.jsonl)

SYSTEM_PROMPTS = {
    "en": ["You are Larkspur's customer-care assistant. Never repeat card numbers or ID numbers.",
           "You are a helpful assistant. Keep answers short.",
           "You help support agents draft replies. Write in the customer's language."],
    "cn": ["你是一名电商客服助手，回答要礼貌、简洁，不要复述用户的证件号码。",
           "You help support agents draft replies. Write in the customer's language."],
}
DRAFT_TASKS = [
    ("Draft a short email to my landlord {name} ({email}) saying the boiler at {addr} is broken "
     "again.",
     "Subject: Boiler at {addr}\n\nDear {name},\n\nthe boiler has stopped working again. Could "
     "you arrange a repair this week? I'm reachable on {phone}.\n\nBest regards"),
    ("Extract the contact details from this note: \"Call back {name} on {phone}, email "
     "{email}\"",
     "{{\"name\": \"{name}\", \"phone\": \"{phone}\", \"email\": \"{email}\"}}"),
    ("Write a reference letter for my former employee {name}, born {dob}, who lived at {addr}.",
     "To whom it may concern,\n\n{name} worked with us for four years and was reliable, "
     "organised and kind to customers.\n\nI recommend them without reservation."),
    ("Summarise: customer {name} says the card {cc} was charged {amount} twice for order "
     "{order}.",
     "- Customer: {name}\n- Issue: duplicate charge of {amount} on order {order}\n- Action: "
     "refund one charge; do not store the card number"),
    ("Is this IBAN valid? {iban}", "The format and check digits of {iban} are valid. I can't "
     "tell whether the account exists."),
    ("My IP is {ip} and the VPN shows {ip2}. Which one do websites see?",
     "Websites see the VPN exit address, {ip2}, not {ip}."),
    ("Translate to English: 我叫{cname}，住在{city_cn}，电话{phone_cn}。",
     "My name is {cname}, I live in {city_cn}, my phone number is {phone_cn}."),
    ("请帮我把这段话改得正式一些：我身份证是{cnid}，出生日期{dob_cn}，请尽快办理。",
     "您好，本人身份证号码为{cnid}，出生日期为{dob_cn}，烦请尽快办理，谢谢。"),
    ("请把下面的信息整理成表格：收件人{cname}，电话{phone_cn}，地址{addr_cn}",
     "| 项目 | 内容 |\n|---|---|\n| 收件人 | {cname} |\n| 电话 | {phone_cn} |\n"
     "| 地址 | {addr_cn} |"),
    ("Explain the difference between version {ver} and build {ver4} in our release notes.",
     "Version {ver} is the public release; build {ver4} is the internal build number of the "
     "same code, tagged at commit {short_sha}."),
    ("What does this error mean? request {uuid} failed at {ts}",
     "The request timed out upstream. Retry with the same idempotency key."),
    ("Write a haiku about autumn.", "Red leaves drift and fall\nthe river carries them home\n"
     "quiet evening light"),
    ("My SSN {ssn} was rejected by the tax portal, why?",
     "I can't check SSNs. Please don't share it in chat; contact the portal's help desk."),
    ("Fill in the visa form for me: passport {passport}, nationality {nationality}, date of "
     "birth {dob}.",
     "I can explain each field, but please type the passport number and date of birth into the "
     "official form yourself."),
    ("Rewrite politely: 'Tell {name} to stop calling {phone} at night.'",
     "Could you please ask {name} not to call {phone} late in the evening? Thank you."),
]


def gen_sft(g: Gen, doc: Doc, budget: int, ascii_only: bool = False) -> None:
    n = 0
    while doc.size < budget:
        n += 1
        lang = "cn" if g.chance(0.35) else "en"
        cache = g.persona("zh_CN" if lang == "cn" else None)
        msgs: list[dict[str, object]] = [{"role": "system",
                                          "content": g.pick(SYSTEM_PROMPTS[lang])}]
        if g.chance(0.5):
            turns, cache = dialogue(g, lang)
            for who, text in turns:
                msgs.append({"role": "user" if who == "u" else "assistant", "content": text})
        else:
            cache.update(g.persona())
            for _ in range(g.rng.randint(1, 2)):
                user, answer = g.pick(DRAFT_TASKS)
                msgs.append({"role": "user", "content": g.fill(user, cache)})
                msgs.append({"role": "assistant", "content": g.fill(answer, cache)})
        annotator = g.person(g.pick(["en_US", "en_GB", "zh_CN"]))
        rec = {"id": f"sft-{n:06d}", "messages": msgs,
               "meta": {"source": g.pick(["helpdesk", "chat_widget", "synthetic_rewrite"]),
                        "annotator": pii("PERSON", annotator.full),
                        "quality": g.rng.randint(2, 5), "created": g.s_ts(),
                        "dedup_hash": g.s_md5()}}
        doc.add(jdump(rec, ascii_only=ascii_only))


KB_TEXTS = [
    "To reset the router, hold the button for 10 seconds. Firmware {ver4} adds WPA3 support.",
    "Refunds are issued to the original payment method within 5-10 business days.",
    "Orders above {amount} ship free within the UK and the EU.",
    "For data-protection requests contact our DPO, {name}, at {email}.",
    "Escalations outside business hours: call the duty manager on {phone}.",
    "Nightly backups of this knowledge base are kept in {place}.",
    "Example of a compliant invoice: {invoice}, issued by {company}.",
    "Release {ver} removed the legacy checkout; build hashes are listed in CHANGELOG ({sha}).",
    "如需开具发票，请在订单完成后30天内申请，发票号码{fapiao}格式仅供参考。",
    "退换货请寄回{place_cn}，并在包裹内附上订单号{order_cn}。",
    "Our store team lead in the demo video is {name}; the footage was shot at {addr}.",
    "Known issue {ticket}: the app shows a blank page on devices with IMEI prefix 35 "
    "(for example {imei}).",
    "Do not ask customers for their passport number in chat; use the KYC portal.",
    "测试账号请使用系统生成的虚拟手机号，不要使用真实用户的手机号。",
]


def gen_rag(g: Gen, doc: Doc, budget: int) -> None:
    n = 0
    while doc.size < budget:
        n += 1
        text = join(" ", [g.fill(t) for t in g.rng.sample(KB_TEXTS, g.rng.randint(2, 4))])
        rec = {"chunk_id": f"kb-{g.digits(5)}#{g.rng.randint(0, 9)}", "doc_sha256": g.s_sha256(),
               "title": g.pick(["Returns policy", "Router setup", "Data protection", "发票说明",
                                "Shipping FAQ", "Known issues"]),
               "text": text, "embedding_model": "bge-m3", "tokens": g.rng.randint(40, 400),
               "updated_at": raw(g.s_epoch13())}
        doc.add(jdump(rec))


def gen_kyc(g: Gen, doc: Doc, budget: int) -> None:
    while doc.size < budget:
        chinese = g.chance(0.3)
        cache = g.persona("zh_CN" if chinese else None)
        p: Person = cache["person"]  # type: ignore[assignment]
        birth: dt.date = cache["birth"]  # type: ignore[assignment]
        applicant: dict[str, object] = {
            "given_names": pii("PERSON", p.first),
            "surname": pii("PERSON", p.last.upper() if g.chance(0.3) else p.last),
            "date_of_birth": pii("DATE_OF_BIRTH", g.fmt_date(birth, g.pick(
                ["iso", "iso", "compact", "de"]))),
            "nationality": p.country}
        if chinese and g.chance(0.6):
            applicant["document"] = {"type": "id_card", "number": cache["cnid"],
                                     "issued": g.s_date(), "authority": "公安局"}
        elif g.chance(0.5):
            applicant["passport_number"] = pii("PASSPORT", g.passport(p.country if p.country in (
                "US", "GB", "CN", "DE", "FR", "IT", "ES", "NL") else None))
            applicant["passport_expiry"] = g.s_date()
        else:
            applicant["document"] = {"type": "passport", "number": pii("PASSPORT", g.passport()),
                                     "issued": g.s_date(), "expires": g.s_date()}
        if chinese:
            applicant["address"] = cache["addr_cn"]
            phone: object = raw(pii("PHONE", g.phone("CN", True, "plain")))
        else:
            applicant["address"] = {"street": pii("LOCATION", g.street_line(p.country)),
                                    "city": pii("LOCATION", g.city(p.country)),
                                    "country": p.country}
            phone = cache["phone"]
        applicant["contact"] = {"phone": phone,
                                "email": cache["email_cn" if chinese else "email"]}
        rec = {"submission_id": g.s_uuid(), "received": g.s_ts(), "applicant": applicant,
               "checks": {"pep": False, "sanctions_hit": g.chance(0.02),
                          "score": round(g.rng.random(), 3)},
               "device": {"ip": g.s_ip(), "fingerprint": g.s_md5()}}
        doc.add(jdump(rec))


# ---------------------------------------------------------------- CSV / TSV / Parquet


def gen_csv_en(g: Gen, doc: Doc, budget: int) -> None:
    header = ["Customer No.", "Customer Name", "Contact No.", "E-mail", "Date of Birth",
              "Card Number", "Billing Address", "Customer Since", "Segment", "Loyalty Tier",
              "Orders (12m)", "Marketing Opt-in", "Last Order", "Account Balance", "Notes"]
    doc.add(csv_line(header, quote_all=True))
    notes = ["", "", "", "VIP since 2019", "prefers calls after 5pm on {phone}",
             "spouse {name} is authorised on the account", "promo code SUMMER24 applied",
             "chargeback {ticket} closed", "moved to {city} in March", "duplicate of {uuid}",
             "{nameword}", "ref {bad_luhn}", "paid by bank transfer, {invoice}"]
    while doc.size < budget:
        cache = g.persona(g.pick(["en_US", "en_US", "en_GB", "en_GB", "de_DE", "fr_FR"]))
        p: Person = cache["person"]  # type: ignore[assignment]
        name = cache["name"]
        if g.chance(0.2):  # "Last, First" is still one mention of one name
            name = pii("PERSON", f"{p.last}, {p.first}")
        card = g.s_cc() if g.chance(0.4) else ""
        style = "us" if p.country == "US" else "eu"
        since = neg("date_not_birth", g.fmt_date(g.other_date(), style))
        last = neg("date_not_birth", g.fmt_date(g.other_date(), style))
        row = [neg("customer_no", f"C-{g.digits(6)}"), name, cache["phone"], cache["email"],
               cache["dob"] if g.chance(0.7) else "", card, cache["addr"], since,
               g.pick(["Retail", "Wholesale", "Staff", "Trade"]),
               g.pick(["Bronze", "Silver", "Gold", "Platinum"]), str(g.rng.randint(0, 40)),
               g.pick(["Yes", "No", "No"]), last, g.s_amount(), g.fill(g.pick(notes))]
        doc.add(csv_line(row, quote_all=True))


def gen_csv_cn(g: Gen, doc: Doc, budget: int) -> None:
    header = ["会员编号", "会员姓名", "性别", "手机号码", "证件类型", "证件号码", "出生年月日",
              "银行卡号", "开户银行", "收货地址", "注册渠道", "累计消费(元)", "备注"]
    doc.add(csv_line(header))
    notes = ["", "", "", "生日会员", "备用电话{phone_cn2}", "紧急联系人{cname2} {phone_cn2}",
             "发票号码{fapiao}", "快递单号{kuaidi}", "{nameword_cn}", "曾投诉，工单{gongdan}",
             "推荐人{cname2}", "老客户", "退款已打到工资卡"]
    while doc.size < budget:
        cache = g.persona("zh_CN")
        birth: dt.date = cache["birth"]  # type: ignore[assignment]
        if g.chance(0.12):
            id_type, id_no = "护照", pii("PASSPORT", g.passport("CN"))
        else:
            id_type, id_no = "居民身份证", cache["cnid"]
            if g.chance(0.06):
                s = as_txt(id_no).s
                id_no = pii("CN_RESIDENT_ID", f"{s[:6]} {s[6:14]} {s[14:]}")
        dob = pii("DATE_OF_BIRTH", g.fmt_date(birth, g.pick(["cn", "iso", "cn_slash",
                                                             "compact", "cn0"])))
        card, bank = g.bank_card() if g.chance(0.7) else ("", "")
        row = [f"M{g.digits(7)}", cache["cname"], g.pick(["男", "女"]), cache["phone_cn"],
               id_type, id_no, dob, pii("BANK_CARD", card) if card else "", bank,
               cache["addr_cn"], g.pick(["小程序", "APP", "门店", "官网"]),
               neg("amount", f"{g.rng.randint(0, 9_000_000) / 100:,.2f}"),
               g.fill(g.pick(notes))]
        doc.add(csv_line(row))


def gen_payroll_us(g: Gen, doc: Doc, budget: int) -> None:
    header = ["Emp ID", "Employee", "Social Security No.", "DOB", "Hire Date", "Department",
              "Pay Rate", "Home Phone", "Dependents", "Direct Deposit"]
    doc.add(csv_line(header))
    while doc.size < budget:
        c = g.persona("en_US")
        p: Person = c["person"]  # type: ignore[assignment]
        deps = []
        for _ in range(g.rng.choice([0, 0, 1, 2])):
            kid = pii("PERSON", f"{g.fk['en_US'].first_name()} {p.last}")
            deps.append(concat([kid, " (DOB ", pii("DATE_OF_BIRTH", g.fmt_date(
                g.birth_date(2008, 2022), "us")), ")"]))
        ssn = pii("US_SSN", g.ssn(g.pick(["dash", "dash", "dash", "plain", "space"])))
        row = [neg("employee_id", f"E{g.digits(5)}"), c["name"], ssn, c["dob"],
               g.s_date(), g.pick(["Fulfilment", "Retail Ops", "Finance", "IT", "Customer Care"]),
               neg("amount", f"${g.rng.randint(1800, 6500) / 100:.2f}/h"),
               pii("PHONE", g.phone("US", False)), join("; ", deps),
               g.pick(["checking ****" + g.digits(4), "savings ****" + g.digits(4), "paper check"])]
        doc.add(csv_line(row))


def gen_tsv(g: Gen, doc: Doc, budget: int) -> None:
    header = ["payout_ref", "payee_name", "payee_iban", "bic", "amount", "currency",
              "value_date", "purpose", "created_by"]
    doc.add(csv_line(header, delim="\t"))
    staff = [g.person("en_GB") for _ in range(4)]
    while doc.size < budget:
        if g.chance(0.25):
            payee = g.s_company()
        else:
            locale = g.pick(["de_DE", "fr_FR", "nl_NL", "it_IT", "es_ES"])
            payee = pii("PERSON", g.person(locale).full)
        iban = g.s_iban() if g.chance(0.95) else g.s_bad_iban()
        creator = g.pick(staff)
        created = pii("EMAIL", g.email_for(creator)) if g.chance(0.5) else pii("PERSON",
                                                                               creator.full)
        row = [neg("payout_ref", f"PO-{g.digits(8)}"), payee, iban, g.s_bic(), g.s_amount_eu(),
               "EUR", g.s_date(), g.fill(g.pick(["Honorar {invoice}", "Erstattung {order}",
                                                "Remboursement {order}", "Refund {ticket}",
                                                "Commissione {invoice}"])), created]
        doc.add(csv_line(row, delim="\t"))


def gen_parquet(g: Gen, n_rows: int) -> Table:
    cols = ["contractor_id", "full_name", "email", "mobile", "nationality", "passport_no",
            "date_of_birth", "home_address", "iban", "day_rate_eur", "start_date",
            "onboarding_ip", "skills", "cost_centre", "laptop_asset", "notes"]
    table = Table("hr/contractors_2024.parquet", cols)
    for _ in range(n_rows):
        cache = g.persona(g.pick(["de_DE", "fr_FR", "nl_NL", "en_GB", "it_IT", "es_ES"]))
        p: Person = cache["person"]  # type: ignore[assignment]
        birth: dt.date = cache["birth"]  # type: ignore[assignment]
        table.rows.append({
            "contractor_id": neg("contractor_id", f"CTR-{g.digits(5)}"),
            "full_name": cache["name"], "email": cache["email"], "mobile": cache["phone"],
            "nationality": g.s_nationality(),
            "passport_no": pii("PASSPORT", g.passport(p.country if p.country in (
                "GB", "DE", "FR", "IT", "ES", "NL") else None)),
            "date_of_birth": pii("DATE_OF_BIRTH", f"{birth:%Y-%m-%d}"),
            "home_address": cache["addr"], "iban": pii("IBAN", g.iban(p.country if p.country in (
                "DE", "FR", "GB", "ES", "IT", "NL") else None)),
            "day_rate_eur": round(g.rng.uniform(350, 1400), 2), "start_date": g.s_date(),
            "onboarding_ip": g.s_ip(),
            "skills": ", ".join(g.rng.sample(["python", "sql", "react", "kotlin", "terraform",
                                              "data modelling", "ux research", "go"], 3)),
            "cost_centre": f"CC-{g.digits(4)}", "laptop_asset": g.s_sku(),
            "notes": g.fill(g.pick(["", "laptop {sku}", "PO {order}", "renewal {date}",
                                    "contract {sha}", "{nameword}"]))})
    return table


# ---------------------------------------------------------------- Markdown


def gen_md_directory(g: Gen, doc: Doc, budget: int) -> None:
    doc.add("# Customer Operations: Team Directory", "",
            g.fill("_Last updated {date} by {name}, page version {ver}_"), "",
            "> Internal only. Do not paste this table into tickets, prompts or training data.", "")
    regions = [("EMEA", ["en_GB", "de_DE", "fr_FR", "nl_NL", "it_IT", "es_ES"]),
               ("Americas", ["en_US"]), ("APAC", ["zh_CN", "zh_PY"])]
    roles = ["Team Lead", "Agent", "Senior Agent", "QA Analyst", "Workforce Planner",
             "Escalations", "Trainer"]
    teams = ["Billing", "Logistics", "KYC", "Returns", "Social", "Retention", "Quality"]
    while doc.size < budget:
        team = g.pick(teams)
        for region, locales in regions:
            doc.add(f"## {region} / {team}", "", "| Name | Role | Office | Phone | Email |",
                    "|------|------|--------|-------|-------|")
            for _ in range(g.rng.randint(6, 12)):
                p = g.person(g.pick(locales))
                country = p.country
                if p.locale == "zh_CN":
                    office = g.pick(CN_CITIES_SHORT)
                elif country == "CN":
                    office = g.pick(["Shanghai", "Shenzhen", "Singapore", "Hong Kong"])
                else:
                    office = g.city(country)
                mail = g.email_for(p)
                doc.add(concat(["| ", pii("PERSON", p.full), " | ", g.pick(roles), " | ",
                                pii("LOCATION", office), " | ",
                                pii("PHONE", g.phone(country if country != "CN" else "CN")),
                                " | ", pii("EMAIL", mail), " |"]))
            doc.add("")
        doc.add("## On-call escalation", "")
        for i in range(1, 4):
            doc.add(g.fill(f"{i}. {{name}}, mobile {{phone}} (backup: {{name2}})"))
        doc.add("", g.fill("The rota lives in PagerDuty schedule {short_sha}; the export job "
                           "runs at {epoch} (UTC)."), "")
        doc.add("## Process notes", "",
                g.fill("- Refunds above {amount} need a second approver."),
                g.fill("- {nameword}: use the shared macro, not free text."),
                g.fill("- Wrong-address cases go to [the logistics queue]"
                       "(https://wiki.larkspur-retail.com/logistics) and cite the ticket, e.g. "
                       "{ticket}."),
                g.fill("- Contact [{name}](mailto:{email}) for roster swaps."),
                g.fill("- Payroll questions: {name} in {city}, ext. 4471."), "",
                "```bash",
                g.fill("curl -H 'Authorization: Bearer {api_key}' https://{ip_priv}:8443/v1/agents"),
                g.fill("git checkout {sha}"), "```", "")


def gen_md_memory(g: Gen, doc: Doc, budget: int) -> None:
    """An assistant's long-term memory notes about users (what AI deployments keep)."""
    doc.add("# Assistant memory store (export)", "",
            "Entries are written by the assistant's `remember()` tool. Reviewed weekly.", "")
    while doc.size < budget:
        chinese = g.chance(0.35)
        cache = g.persona("zh_CN" if chinese else None)
        doc.add(concat(["## user ", g.s_uuid()]), "")
        if chinese:
            lines = ["- 姓名: {cname}", "- 常住城市: {city_cn}", "- 手机: {phone_cn}",
                     "- 生日: {dob_cn}", "- 收货地址: {addr_cn}",
                     "- 偏好: 不喜欢电话回访，{nameword_cn}"]
        else:
            lines = ["- **Name:** {name}", "- Prefers to be called {first}.",
                     "- Lives in {city}; works from home on Fridays.", "- Email: {email}",
                     "- Birthday: {dob} (born in {city2})", "- Partner: {name2}",
                     "- Ships to: {addr}", "- Mentioned shoe size 42 and likes {product}.",
                     "- Last session from {ip}, app {ver}."]
        for t in g.rng.sample(lines, g.rng.randint(3, len(lines))):
            doc.add(g.fill(t, cache))
        doc.add("")


def gen_md_runbook(g: Gen, doc: Doc, budget: int) -> None:
    doc.add("# Runbook: order-db failover", "",
            g.fill("Owner: {name} · reviewed {date} · applies to PostgreSQL {ver} with Patroni"),
            "")
    while doc.size < budget:
        primary, replica, vip = g.s_ip_priv(), g.s_ip_priv(), g.s_ip_priv()
        doc.add(f"## Cluster orders-{g.pick(['eu', 'us', 'cn'])}-{g.rng.randint(1, 9)}", "",
                "### Topology", "", "| Host | Address | Role |", "|---|---|---|",
                concat(["| db-primary-", g.digits(2), " | ", primary, " | primary |"]),
                concat(["| db-replica-", g.digits(2), " | ", replica, " | sync replica |"]),
                concat(["| pg-vip | ", vip, " | virtual IP |"]), "",
                "### Steps", "",
                concat(["1. Confirm the primary is down: `pg_isready -h ", primary, "`."]),
                g.fill("2. Check the cluster id `{uuid}` in `patronictl list`."),
                g.fill("3. Promote the replica; the controller build must be {ver4} or newer."),
                g.fill("4. Page {name} ({phone}) if replication lag exceeds 30 s."),
                concat(["5. Move the VIP: `ip addr add ", vip, "/24 dev eth0`."]), "",
                "```text",
                g.fill("{ts} LOG:  promoted in 2.3s, timeline 7, lsn 3/9A0001C8, req {short_sha}"),
                g.fill("{epoch} failover_controller: leader lease acquired by node-{short_sha2}"),
                concat(["ssh -J bastion@", g.s_ip(), " postgres@", replica]),
                "```", "",
                g.fill("IPv6 management address of the bastion: {ip6}."),
                g.fill("Previous incident: {ticket}, postmortem by {name2}; graphs in "
                       "{place}."), "")


# ---------------------------------------------------------------- YAML


def gen_yaml_routing(g: Gen, doc: Doc, budget: int) -> None:
    owner = g.persona("en_GB")
    doc.add("# Notification routing for the support platform",
            g.fill("# Owner: {name} <{email}>, ask before changing the escalation order", owner),
            "version: 3", "service: support-gateway",
            concat(['release: "', g.s_ver4(), '"   # build number, not an address']), "")
    while doc.size < budget:
        doc.add(g.fill("team-{short_sha}:"))
        doc.add("  owners:")
        for _ in range(g.rng.randint(1, 3)):
            c = g.persona()
            doc.add(concat(["    - name: ", yv(c["name"])]),
                    concat(["      email: ", yv(c["email"])]),
                    concat(["      phone: ", '"', c["phone"], '"']),
                    "      timezone: " + g.pick(["Europe/Berlin", "Europe/London",
                                                 "America/Chicago", "Asia/Shanghai"]))
        doc.add("  escalation:",
                concat(["    primary: ", yv(g.s_name())]),
                concat(["    sms: ", '"', g.s_phone(), '"']),
                concat(["    secondary: ", yv(g.s_cname() if g.chance(0.4) else g.s_name())]),
                "  allowlist:",
                concat(["    - ", g.s_ip(), "/32"]),
                concat(["    - ", g.s_ip_priv()]),
                concat(["    - ", '"', g.s_ip6(), '"']),
                "  webhook:",
                concat(["    secret: ", g.s_api_key()]),
                concat(["    retry_after_ms: ", g.s_epoch13()]),
                "  sms_footer: |",
                "    Questions? Reply to this message or write to us.",
                g.fill("    Duty manager this week: {name}, {phone}."),
                concat(["  image: registry.larkspur-retail.com/gw@sha256:", g.s_sha256()]), "")


def gen_yaml_seed(g: Gen, doc: Doc, budget: int) -> None:
    doc.add("# Demo accounts for the staging sandbox. Values must look real for the KYC flow.")
    while doc.size < budget:
        chinese = g.chance(0.3)
        c = g.persona("zh_CN" if chinese else g.pick(["fr_FR", "de_DE", "en_US", "it_IT"]))
        p: Person = c["person"]  # type: ignore[assignment]
        birth: dt.date = c["birth"]  # type: ignore[assignment]
        acc = g.alnum(6, string.ascii_lowercase + string.digits)
        doc.add("---", "account:", f"  id: acc_{acc}")
        if chinese:
            doc.add("  持卡人:", concat(["    姓名: ", c["cname"]]),
                    concat(["    身份证号: ", '"', c["cnid"], '"']),
                    concat(["    出生日期: ", c["dob_cn"]]),
                    concat(["    手机: ", '"', c["phone_cn"], '"']),
                    concat(["    地址: ", yv(c["addr_cn"])]),
                    "  结算:", concat(["    银行卡号: ", '"', g.s_bank(), '"']),
                    concat(["    开户行: ", g.s_bankname()]))
        else:
            us = p.country == "US"
            doc.add("  holder:", concat(["    first_name: ", yv(pii("PERSON", p.first))]),
                    concat(["    last_name: ", yv(pii("PERSON", p.last))]),
                    concat(["    birth_date: ", pii("DATE_OF_BIRTH", f"{birth:%Y-%m-%d}")]),
                    "  kyc:",
                    concat(["    passport_number: ", '"', pii("PASSPORT", g.passport(
                        p.country if p.country in ("US", "FR", "DE", "IT") else None)), '"']),
                    concat(["    issued_on: ", g.s_date()]),
                    concat(["    ssn: ", '"', g.s_ssn(), '"']) if us else "    tax_id: null",
                    "  contact:", "    - type: mobile",
                    concat(["      value: ", '"', c["phone"], '"']),
                    "    - type: email", concat(["      value: ", yv(c["email"])]),
                    "  billing:", concat(["    iban: ", g.s_iban()]) if not us else
                    "    iban: null",
                    concat(["    card: {number: \"", g.s_cc(), "\", brand: test}"]),
                    concat(["  address: ", yv(c["addr"])]))
        doc.add(concat(["  created_at: ", g.s_ts()]), concat(["  feature_flags_rev: ",
                                                              g.s_short_sha()]))


# ---------------------------------------------------------------- Chinese service logs

KEFU_OPENERS = ["亲，在的，请问有什么可以帮您？", "您好，很高兴为您服务~",
                "您好，我是智能客服，请描述您的问题"]


def gen_kefu(g: Gen, doc: Doc, budget: int) -> None:
    while doc.size < budget:
        sid = g.hexs(10)
        t = dt.datetime(2024, 11, 1, 8) + dt.timedelta(minutes=g.rng.randrange(3 * 24 * 60))
        channel = g.pick(["微信小程序", "淘宝旺旺", "APP在线客服", "抖音小店"])
        doc.add(concat(["========== 会话ID: ", neg("session", sid), "  开始: ",
                        neg("timestamp", f"{t:%Y-%m-%d %H:%M:%S}"),
                        f"  渠道: {channel} =========="]))
        turns, cache = dialogue(g, "cn")
        if g.chance(0.5):
            phone = cache["phone_cn"] if g.chance(0.3) else g.s_masked()
            doc.add(concat(["[客户信息] 会员等级: ", g.pick(["普通", "黄金", "钻石"]), "  手机: ",
                            phone, "  订单: ", g.s_order_cn()]))
        agent = f"客服(工号KF{g.digits(4)})"
        doc.add(concat([f"{t:%H:%M:%S} ", agent, ": ", g.pick(KEFU_OPENERS)]))
        for who, text in turns:
            t += dt.timedelta(seconds=g.rng.randint(8, 90))
            doc.add(concat([f"{t:%H:%M:%S} ", "顾客" if who == "u" else agent, ": ", text]))
        if g.chance(0.3):
            t += dt.timedelta(seconds=30)
            doc.add(concat([f"{t:%H:%M:%S} 系统: 已发送订单卡片 ", g.s_order_cn(), "，商品：",
                            g.s_product_cn(), "，实付", g.s_amount_cn()]))
        doc.add(f"---------- 会话结束  时长 00:0{g.rng.randint(1, 9)}:{g.rng.randint(10, 59)}  "
                f"评价: {g.pick(['非常满意', '满意', '一般', '未评价'])} ----------", "")


def gen_kefu_gb(g: Gen, doc: Doc, budget: int) -> None:
    """An old call-centre export (GB18030, key: value records)."""
    doc.add("呼叫中心工单导出（旧系统）  导出时间：2019-06-30")
    while doc.size < budget:
        c = g.persona("zh_CN")
        t = dt.datetime(2019, 1, 2, 8) + dt.timedelta(minutes=g.rng.randrange(170 * 24 * 60))
        doc.add("----------------------------------------",
                concat(["工单编号: ", g.s_gongdan()]),
                concat(["来电时间: ", neg("timestamp", f"{t:%Y-%m-%d %H:%M:%S}")]),
                concat(["来电号码: ", g.s_phone_cn_land() if g.chance(0.4) else c["phone_cn"]]),
                concat(["客户姓名: ", c["cname"]]),
                concat(["身份证号: ", c["cnid"]]) if g.chance(0.6) else
                concat(["出生日期: ", c["dob_cn"]]),
                concat(["联系地址: ", c["addr_cn"]]),
                concat(["问题描述: ", g.fill(g.pick([
                    "客户反映{product_cn}无法开机，要求上门维修。",
                    "客户称快递{kuaidi}丢件，要求赔偿{amount_cn}。",
                    "客户要求将退款退至银行卡{bank_sp}。",
                    "客户咨询发票，发票代码{fapiao_code}，发票号码{fapiao}。",
                    "客户要求修改绑定手机为{phone_cn}。",
                    "客户投诉安装师傅迟到两小时。"]))]),
                concat(["处理结果: ", g.pick(["已解决", "已转二线", "待回访"])]),
                concat(["坐席: ", pii("PERSON", g.person("zh_CN").full), " (工号 ", g.digits(4),
                        ")"]))


# ---------------------------------------------------------------- other text formats


def gen_call_notes(g: Gen, doc: Doc, budget: int) -> None:
    """Voicemail transcripts exported from a Windows tool (UTF-16 with BOM, CRLF)."""
    while doc.size < budget:
        c = g.persona(g.pick(["en_GB", "en_US", "en_GB"]))
        t = dt.datetime(2024, 8, 1, 8) + dt.timedelta(minutes=g.rng.randrange(60 * 24 * 60))
        doc.add(concat([f"Voicemail {t:%Y-%m-%d %H:%M}  Line: ", g.pick(["Sales-UK", "Support-US",
                                                                         "Claims"]),
                        f"  Duration: 00:0{g.rng.randint(0, 3)}:{g.rng.randint(10, 59)}"]),
                concat(["Caller ID: ", c["phone"]]),
                g.fill(g.pick([
                    'Transcript: "Hi, this is {name}, calling about order {order}. Please call '
                    'me back on {phone}. Thanks."',
                    'Transcript: "Hello, {first} here. I need to change the delivery address '
                    'to {addr}."',
                    'Transcript: "It\'s {name}. My date of birth is {dob}, I was told you need '
                    'it for the claim."',
                    'Transcript: "Hi, calling from {company} about invoice {invoice}, could '
                    'someone ring me on {phone2}?"',
                    'Transcript: "Yeah hi, {nameword}, anyway the tracking number is {track}."',
                    'Transcript: "This is {name}, my social is {ssn}, the form keeps failing."']),
                    c),
                concat(["Assigned to: ", pii("PERSON", g.person("en_GB").full), "   Case: ",
                        g.s_ticket()]), "")


def gen_access_log(g: Gen, doc: Doc, budget: int) -> None:
    paths = ["/api/v2/orders/{order}", "/api/v2/cart", "/account/profile",
             "/static/app.{short_sha}.js",
             "/api/v2/search?q=backpack", "/healthz", "/api/v2/tracking/{track}"]
    while doc.size < budget:
        r = g.rng.random()
        if r < 0.5:
            client = g.s_ip() if g.chance(0.85) else g.s_ip6()
            path = encode_txt(g.fill(g.pick(paths)), lambda x: x.replace(" ", ""))
            status = g.pick(["200", "200", "304", "404", "500"])
            doc.add(concat([
                client, " - - [", g.s_ts(), '] "GET ', path, f' HTTP/1.1" {status} ',
                f'{g.rng.randint(200, 90000)} "-" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) '
                'AppleWebKit/537.36 (KHTML, like Gecko) Chrome/', g.s_chrome(),
                ' Safari/537.36" ',
                f"rt=0.0{g.digits(2)} req=", g.s_uuid()]))
        elif r < 0.7:
            doc.add(concat([g.s_ts(), " INFO  auth.login user=", g.s_email(), " ip=", g.s_ip(),
                            " xff=\"", g.s_ip(), ", ", g.s_ip_priv(), "\" result=ok session=",
                            neg("session", g.hexs(16))]))
        elif r < 0.8:
            doc.add(concat([g.s_ts(), " WARN  payments.webhook retry=2 id=evt_",
                            g.alnum(14, string.ascii_letters + string.digits), " amount=",
                            g.digits(5, True), " card_fingerprint=", g.s_md5()]))
        elif r < 0.9:
            doc.add(g.fill(g.pick([
                '{ts} ERROR profile.update user_id=88123: phone "{phone}" rejected by '
                "validator {ver}",
                "{ts} ERROR profile.update user_id=71002: phone \"{bad_phone}\" rejected: invalid",
                "{ts} INFO  geo.lookup ip={ip} took 3ms (cache hit, db {ver4})",
                "{ts} DEBUG upstream {ip_priv}:8080 healthy, pool=12, build {ver4}",
                "{ts} INFO  mail.sent to={email} template=order_shipped msg={uuid}"])))
        else:
            doc.add(g.fill(g.pick([
                "{epoch13} metrics flush ok (4123 series) host=ip-{short_sha}",
                "{epoch} cron: nightly export finished, sha={sha}",
                "{ts} INFO  deploy: rolled out {ver} ({short_sha}) to 14 pods",
                "{ts} INFO  device registered mac={mac} imei={imei}"])))


def gen_html(g: Gen, doc: Doc, budget: int) -> None:
    doc.add("<!DOCTYPE html>", '<html lang="en">', "<head>", '  <meta charset="utf-8">',
            concat(['  <meta name="generator" content="Hugo ', g.s_ver(), '">']),
            "  <title>Contact us - Larkspur Retail</title>",
            concat(['  <script src="/js/app.', g.s_short_sha(), '.js"></script>']),
            "</head>", "<body>", "<h1>Contact us</h1>",
            "<p>Our team answers within one working day.</p>")
    while doc.size < budget:
        doc.add("<table class=\"staff\">", "  <tr><th>Name</th><th>Team</th><th>Phone</th>"
                "<th>Email</th></tr>")
        for _ in range(g.rng.randint(4, 8)):
            p = g.person(g.pick(["en_GB", "en_US", "de_DE", "fr_FR"]))
            if "'" in p.full:
                continue
            num = g.phone_number(p.country, mobile=False)
            e164 = pn.format_number(num, PNF.E164)
            shown = g.format_phone(num, "intl")
            mail = g.email_for(p)
            doc.add(concat(["  <tr><td>", html_text(pii("PERSON", p.full)), "</td><td>",
                            g.pick(["Sales", "Returns", "Press", "Partnerships"]), "</td>",
                            '<td><a href="tel:', pii("PHONE", e164), '">', pii("PHONE", shown),
                            '</a></td><td><a href="mailto:', pii("EMAIL", mail), '">',
                            pii("EMAIL", mail), "</a></td></tr>"]))
        doc.add("</table>")
        c = g.persona("en_GB")
        doc.add(concat(["<address>Registered office: ", html_text(g.s_company()), ", ",
                        html_text(pii("LOCATION", g.address("GB"))), "</address>"]),
                concat(["<p>Press enquiries: ", html_text(c["name"]), "</p>"]),
                '<form action="/contact" method="post">',
                concat(['  <input name="phone" placeholder="', g.s_bad_phone(), '">']),
                '  <input name="email" placeholder="Your e-mail">',
                "</form>",
                concat(["<!-- build ", g.s_ver4(), " ", g.s_sha(), " -->"]))
    doc.add("</body>", "</html>")


# ================================================================ corpus plan and output

# (path, generator, share of the size budget, encoding, newline, format label)
PLAN: list[tuple[str, Callable[..., None], float, str, str, str]] = [
    ("support/tickets/helpdesk_export_2024-09.txt", gen_tickets, 0.140, "utf-8", "\n", "text"),
    ("support/mail/claim-2024-11-12.eml", gen_eml, 0.010, "utf-8", "\r\n", "eml"),
    ("support/mail/claim-2024-11-19.eml", gen_eml, 0.008, "utf-8", "\r\n", "eml"),
    ("support/mail/claim-cn-2024-12-02.eml", gen_eml, 0.008, "utf-8", "\r\n", "eml"),
    ("support/mail/claim-2024-12-09.eml", gen_eml, 0.006, "utf-8", "\r\n", "eml"),
    ("chat/widget/transcripts_2024-10.json", gen_chat_json, 0.110, "utf-8", "\n", "json"),
    ("chat/widget/app_sessions.min.json", gen_chat_min, 0.040, "utf-8", "\n", "json"),
    ("datasets/sft/care_dialogues_v2.jsonl", gen_sft, 0.110, "utf-8", "\n", "jsonl"),
    ("datasets/sft/care_dialogues_v1_ascii.jsonl", gen_sft, 0.040, "utf-8", "\n", "jsonl"),
    ("datasets/rag/kb_chunks.jsonl", gen_rag, 0.040, "utf-8", "\n", "jsonl"),
    ("datasets/forms/kyc_submissions.jsonl", gen_kyc, 0.050, "utf-8", "\n", "jsonl"),
    ("crm/exports/Customer_List_EN.csv", gen_csv_en, 0.045, "utf-8-sig", "\r\n", "csv"),
    ("crm/exports/会员资料导出_2024Q3.csv", gen_csv_cn, 0.045, "utf-8", "\n", "csv"),
    ("hr/payroll_us_2024.csv", gen_payroll_us, 0.015, "utf-8", "\n", "csv"),
    ("finance/payouts_eu.tsv", gen_tsv, 0.035, "utf-8", "\n", "tsv"),
    ("wiki/team-directory.md", gen_md_directory, 0.015, "utf-8", "\n", "markdown"),
    ("wiki/assistant-memory.md", gen_md_memory, 0.025, "utf-8", "\n", "markdown"),
    ("wiki/runbooks/db-failover.md", gen_md_runbook, 0.015, "utf-8", "\n", "markdown"),
    ("config/notification-routing.yml", gen_yaml_routing, 0.020, "utf-8", "\n", "yaml"),
    ("config/seed/demo_accounts.yaml", gen_yaml_seed, 0.025, "utf-8", "\n", "yaml"),
    ("logs/kefu/kefu_2024-11-01.log", gen_kefu, 0.060, "utf-8", "\n", "text"),
    ("logs/kefu/kefu_2024-11-02.log", gen_kefu, 0.040, "utf-8", "\n", "text"),
    ("logs/kefu/legacy_callcenter_gb18030.txt", gen_kefu_gb, 0.035, "gb18030", "\n", "text"),
    ("logs/voice/call_notes_utf16.txt", gen_call_notes, 0.035, "utf-16", "\r\n", "text"),
    ("logs/gateway/access-2024-11-04.log", gen_access_log, 0.050, "utf-8", "\n", "text"),
    ("web/help/contact-us.html", gen_html, 0.012, "utf-8", "\n", "html"),
]
PARQUET_ROWS_PER_MB = 130


def _seed_for(seed: int, path: str) -> int:
    return random.Random(f"{seed}:{path}").getrandbits(32)


def build(seed: int, size_mb: float) -> tuple[list[Doc], list[Table]]:
    fakers = {loc: Faker(loc) for loc in (*WESTERN_LOCALES, "zh_CN")}
    budget_total = int(size_mb * 1_000_000 * 0.96)  # the Parquet file takes the rest
    shares = sum(share for _, _, share, *_ in PLAN)
    docs: list[Doc] = []
    for path, fn, share, encoding, newline, fmt in PLAN:
        s = _seed_for(seed, path)
        for i, f in enumerate(fakers.values()):
            f.seed_instance(s + i)
        g = Gen(random.Random(s), fakers)
        doc = Doc(path, fmt, encoding, newline)
        if fn is gen_sft:
            gen_sft(g, doc, int(share / shares * budget_total), ascii_only="ascii" in path)
        else:
            fn(g, doc, int(share / shares * budget_total))
        docs.append(doc)
    s = _seed_for(seed, "parquet")
    for i, f in enumerate(fakers.values()):
        f.seed_instance(s + i)
    table = gen_parquet(Gen(random.Random(s), fakers), max(20, int(PARQUET_ROWS_PER_MB * size_mb)))
    return docs, [table]


def _records(path: str, line: int, text: str, spans: Iterable[Span]) -> Iterator[dict[str, object]]:
    for a, b, label, negative in spans:
        rec: dict[str, object] = {"path": path, "line": line, "column": a + 1, "end_column": b + 1}
        rec["kind" if negative else "entity"] = label
        rec["text"] = text[a:b]
        yield rec


def _check_parsable(doc: Doc, text: str) -> None:
    if doc.fmt == "json":
        json.loads(text)
    elif doc.fmt == "jsonl":
        for line in text.splitlines():
            json.loads(line)
    elif doc.fmt == "yaml":
        list(yaml.safe_load_all(text))


def write(out: Path, docs: list[Doc], tables: list[Table]) -> tuple[list[dict], list[dict],
                                                                    list[dict]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = out / "data"
    truth: list[dict] = []
    negatives: list[dict] = []
    files: list[dict] = []
    for doc in docs:
        target = data / doc.path
        target.parent.mkdir(parents=True, exist_ok=True)
        text = "\n".join(line.s for line in doc.lines) + "\n"
        _check_parsable(doc, text)
        raw = text.replace("\n", doc.newline).encode(doc.encoding)
        if doc.encoding == "gb18030":
            try:
                raw[:65536].decode("utf-8")
                raise AssertionError(f"{doc.path}: GB18030 file must not look like UTF-8")
            except UnicodeDecodeError:
                pass
        target.write_bytes(raw)
        n_ent = n_neg = 0
        for no, line in enumerate(doc.lines, 1):
            for rec in _records(doc.path, no, line.s, line.spans):
                if "kind" in rec:
                    negatives.append(rec)
                    n_neg += 1
                else:
                    truth.append(rec)
                    n_ent += 1
        files.append({"path": doc.path, "format": doc.fmt, "encoding": doc.encoding,
                      "newline": "crlf" if doc.newline == "\r\n" else "lf", "bytes": len(raw),
                      "lines": len(doc.lines), "entities": n_ent, "negatives": n_neg})
    for table in tables:
        target = data / table.path
        target.parent.mkdir(parents=True, exist_ok=True)
        cols: dict[str, list[object]] = {c: [] for c in table.columns}
        n_ent = n_neg = 0
        for r, row in enumerate(table.rows, 1):
            for c in table.columns:
                value = row[c]
                if isinstance(value, Txt):
                    cols[c].append(value.s)
                    for rec in _records(table.path, r, value.s, value.spans):
                        (negatives if "kind" in rec else truth).append(rec)
                        n_neg += "kind" in rec
                        n_ent += "kind" not in rec
                else:
                    cols[c].append(value)
        pq.write_table(pa.table(cols), target)
        files.append({"path": table.path, "format": "parquet", "encoding": None,
                      "newline": None, "bytes": target.stat().st_size, "lines": len(table.rows),
                      "entities": n_ent, "negatives": n_neg})
    return truth, negatives, files


def verify(out: Path, files: list[dict]) -> int:
    """Re-read every written file the way a scanner would and check every label's slice."""
    import pyarrow.parquet as pq

    lines_of: dict[str, list[str] | list[list[str]]] = {}
    for f in files:
        path = out / "data" / f["path"]
        if f["format"] == "parquet":
            tbl = pq.read_table(path).to_pylist()
            lines_of[f["path"]] = [[str(v) for v in row.values() if v is not None] for row in tbl]
            continue
        raw = path.read_bytes()
        enc = f["encoding"]
        if enc == "utf-16":
            assert raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff")
        if enc == "utf-8-sig":
            assert raw.startswith(b"\xef\xbb\xbf")
        text = raw.decode(enc)
        lines_of[f["path"]] = io.StringIO(text, newline=None).read().split("\n")
    checked = 0
    for name in ("truth.jsonl", "negatives.jsonl"):
        with (out / name).open(encoding="utf-8") as fh:
            for raw_line in fh:
                rec = json.loads(raw_line)
                target = lines_of[rec["path"]][rec["line"] - 1]
                cells = target if isinstance(target, list) else [target]
                a, b = rec["column"] - 1, rec["end_column"] - 1
                assert 0 <= a < b, rec
                assert any(c[a:b] == rec["text"] for c in cells), rec
                checked += 1
    return checked


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--size-mb", type=float, default=DEFAULT_SIZE_MB)
    args = ap.parse_args(argv)
    out: Path = args.out_dir
    if (out / "data").exists() and any((out / "data").iterdir()):
        raise SystemExit(f"{out / 'data'} exists and is not empty; choose a new OUT_DIR")
    docs, tables = build(args.seed, args.size_mb)
    truth, negatives, files = write(out, docs, tables)
    for name, recs in (("truth.jsonl", truth), ("negatives.jsonl", negatives)):
        with (out / name).open("w", encoding="utf-8") as fh:
            for rec in recs:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    manifest = {
        "profile": "holdout-local", "seed": args.seed, "size_mb_requested": args.size_mb,
        "generator": "benchmarks/gen_pii_corpus.py", "faker_version": faker.VERSION,
        "python": platform.python_version(), "data_root": "data",
        "total_bytes": sum(f["bytes"] for f in files),
        "entity_counts": dict(sorted(Counter(r["entity"] for r in truth).items())),
        "negative_counts": dict(sorted(Counter(r["kind"] for r in negatives).items())),
        "files": files,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")
    checked = verify(out, files)
    kb = manifest["total_bytes"] / 1000
    print(f"wrote {len(files)} files, {manifest['total_bytes']} bytes, {len(truth)} entities "
          f"({len(truth) / kb:.1f}/KB), {len(negatives)} hard negatives; {checked} spans verified",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
