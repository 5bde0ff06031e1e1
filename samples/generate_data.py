"""Regenerate the synthetic data files under samples/*/data/ (deterministic: fixed seed).

Every planted identifier is synthetic but checksum-valid, so a scanner that validates
checksums (python-stdnum, phonenumbers) must still find it: Chinese resident IDs carry a
correct ISO 7064 MOD 11-2 check digit, cards pass Luhn, IBANs pass MOD 97-10, phone numbers
pass phonenumbers.is_valid_number. The people, addresses and conversations are invented.

Run from the repository root:  .venv/bin/python samples/generate_data.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

import phonenumbers
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.cn import ric

ROOT = Path(__file__).resolve().parent
rng = random.Random(20261122)

# --- identifiers ---------------------------------------------------------------------------

CN_AREAS = ["330106", "330102", "330105", "110105", "310104", "440305", "320102", "510107"]


def cn_resident_id() -> str:
    # stdnum also checks that the area code existed in the birth year, so draw until valid.
    while True:
        birth = dt.date(rng.randint(1965, 2006), rng.randint(1, 12), rng.randint(1, 28))
        body = f"{rng.choice(CN_AREAS)}{birth:%Y%m%d}{rng.randint(1, 999):03d}"
        number = body + ric.calc_check_digit(body + "0")  # stdnum wants a placeholder digit
        if ric.is_valid(number):
            return number


def luhn_number(prefix: str, length: int) -> str:
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    number = body + luhn.calc_check_digit(body)
    assert luhn.is_valid(number)
    return number


def cn_bank_card() -> str:
    return luhn_number(rng.choice(["622848", "621700", "622202", "621226"]), 19)


def us_card() -> str:
    return luhn_number(rng.choice(["4", "51", "53"]), 16)


def _valid_phone(make: Callable[[], str], region: str) -> str:
    while True:
        number = make()
        if phonenumbers.is_valid_number(phonenumbers.parse(number, region)):
            return number


def cn_mobile() -> str:
    prefix = rng.choice(["", "", "+86 ", "+86-"])  # users type both forms
    return _valid_phone(lambda: f"{prefix}1{rng.choice(['38', '39', '37', '58', '86', '88', '50'])}{rng.randint(10000000, 99999999)}", "CN")


def nl_mobile() -> str:
    return _valid_phone(lambda: f"+31 6 {rng.randint(10000000, 99999999)}", "NL")


def de_mobile() -> str:
    return _valid_phone(lambda: f"+49 {rng.choice(['151', '160', '170', '176'])} {rng.randint(1000000, 9999999)}", "DE")


US_AREAS = ["415", "512", "615", "212", "718", "310", "737", "629", "646", "213"]


def us_phone() -> str:
    return _valid_phone(lambda: f"({rng.choice(US_AREAS)}) {rng.randint(201, 989)}-{rng.randint(1000, 9999)}", "US")


def us_ssn() -> str:
    area = rng.choice([n for n in range(101, 665) if n != 666])
    return f"{area:03d}-{rng.randint(10, 99):02d}-{rng.randint(1000, 9999):04d}"


def iban(country: str, bban: str) -> str:
    number = country + "00" + bban
    number = country + std_iban.calc_check_digits(number) + bban
    assert std_iban.is_valid(number), number
    return number


def nl_iban() -> str:
    # Dutch account numbers must also pass the "elfproef" (weights 10..1, sum % 11 == 0).
    while True:
        account = f"{rng.randint(0, 9999999999):010d}"
        if sum(int(d) * w for d, w in zip(account, range(10, 0, -1), strict=True)) % 11 == 0:
            break
    bank = rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "KNAB"])
    return iban("NL", bank + account)


def de_iban() -> str:
    return iban("DE", f"{rng.choice(['37040044', '10020500', '50010517', '70150000'])}{rng.randint(0, 9999999999):010d}")


def spaced(number: str) -> str:
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


# --- people --------------------------------------------------------------------------------

CN_NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷", "徐涛", "孙丽", "马超", "朱琳"]
CN_ADDRESSES = [
    "浙江省杭州市西湖区文三路 259 号 3 幢 1502 室",
    "浙江省杭州市上城区解放路 88 号",
    "浙江省杭州市滨江区江南大道 3588 号 2 单元 601",
    "北京市朝阳区建国路 93 号院 6 号楼 1203",
    "上海市浦东新区张杨路 1500 号 18 楼",
    "广东省深圳市南山区科技园南区粤海街道 12 号",
    "江苏省南京市玄武区中山路 321 号 5 栋",
]
DE_PEOPLE = [
    ("Lena", "Hoffmann"), ("Jonas", "Becker"), ("Mia", "Schulz"), ("Felix", "Wagner"),
    ("Hannah", "Keller"), ("Lukas", "Brandt"), ("Sophie", "Neumann"), ("Elias", "Vogel"),
    ("Marie", "Krüger"), ("Paul", "Zimmermann"), ("Clara", "Lehmann"), ("Noah", "Hartmann"),
    ("Amelie", "Schröder"), ("Leon", "Fuchs"), ("Ana", "Marković"), ("Tomasz", "Nowak"),
    ("Giulia", "Romano"), ("Pierre", "Lefèvre"), ("Aylin", "Demir"), ("Sven", "Lindqvist"),
]
DE_STREETS = [
    ("Kastanienallee", "10435 Berlin"), ("Schönhauser Allee", "10437 Berlin"),
    ("Leopoldstraße", "80802 München"), ("Sendlinger Straße", "80331 München"),
    ("Eppendorfer Weg", "20259 Hamburg"), ("Ehrenstraße", "50672 Köln"),
    ("Berger Straße", "60316 Frankfurt am Main"), ("Königstraße", "70173 Stuttgart"),
]
NL_PEOPLE = [
    ("Sanne", "de Vries"), ("Daan", "Jansen"), ("Femke", "van den Berg"), ("Bram", "Bakker"),
    ("Lotte", "Visser"), ("Thijs", "Smit"), ("Noor", "Meijer"), ("Jesse", "de Boer"),
    ("Eva", "Mulder"), ("Ruben", "Bos"), ("Isa", "Vos"), ("Milan", "Peters"),
]
NL_ADDRESSES = [
    "Prinsengracht 263, 1016 GV Amsterdam", "Oudegracht 158, 3511 AZ Utrecht",
    "Witte de Withstraat 44, 3012 BR Rotterdam", "Grote Markt 12, 9711 LV Groningen",
    "Stationsplein 7, 5611 AB Eindhoven", "Lange Voorhout 21, 2514 EA Den Haag",
]
US_PEOPLE = [
    ("Jessica", "Moreno"), ("Tyler", "Brooks"), ("Ashley", "Nguyen"), ("Marcus", "Bennett"),
    ("Brianna", "Coleman"), ("Dylan", "Foster"), ("Kayla", "Ramirez"), ("Caleb", "Hughes"),
    ("Morgan", "Patel"), ("Jordan", "Whitaker"), ("Savannah", "Reed"), ("Andre", "Washington"),
    ("Hailey", "Kim"), ("Austin", "Delgado"), ("Megan", "O'Connor"), ("Devon", "Price"),
]
US_ADDRESSES = [
    "1842 Elmwood Avenue, Nashville, TN 37212", "77 Greenpoint Ave, Brooklyn, NY 11222",
    "4410 Sunset Blvd, Los Angeles, CA 90027", "2907 Guadalupe St, Austin, TX 78705",
    "612 Valencia Street, San Francisco, CA 94110", "15 Music Square West, Nashville, TN 37203",
]


def email(first: str, last: str, domains: list[str]) -> str:
    table = str.maketrans({"ü": "ue", "ö": "oe", "ä": "ae", "ß": "ss", "è": "e", "é": "e", "ć": "c", "'": "", " ": ""})
    local = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}{rng.randint(1, 99)}"])
    return f"{local.lower().translate(table)}@{rng.choice(domains)}"


def stamp(start: dt.datetime, minutes: int) -> str:
    return (start + dt.timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# --- cn-public-chatbot ---------------------------------------------------------------------

CN_SAFE_TURNS = [
    ("帮我写一段端午节给客户的祝福短信，语气正式一点。", "好的，以下是一段正式的端午节祝福：值此端午佳节来临之际，谨向您及家人致以诚挚的问候，祝您端午安康、万事顺遂。感谢您一直以来的信任与支持！"),
    ("西湖十景都有哪些？适合带老人去的是哪几个？", "西湖十景包括苏堤春晓、曲院风荷、平湖秋月、断桥残雪、柳浪闻莺、花港观鱼、雷峰夕照、双峰插云、南屏晚钟、三潭印月。适合老人的有花港观鱼和柳浪闻莺，路面平整，休息座椅较多。"),
    ("用通俗的话解释一下什么是复利。", "复利就是“利滚利”：每一期产生的利息会并入本金，下一期按新的本金继续计息。时间越长，复利效果越明显。"),
    ("帮我把这句话翻译成英文：我们下周三下午两点在会议室开项目复盘会。", "We will hold the project retrospective meeting in the conference room at 2 p.m. next Wednesday."),
    ("孩子三年级，数学应用题总是读不懂题，有什么办法？", "可以试试三个步骤：先让孩子用自己的话复述题目，再圈出已知条件和问题，最后画线段图或示意图帮助理解数量关系。每天练习两三道即可，不要贪多。"),
    ("画一张水墨风格的钱塘江大潮插画。", "已为您生成一张水墨风格的钱塘江大潮插画，图片右下角带有“AI生成”标识。"),
    ("推荐几本适合初中生读的科普书。", "推荐《万物简史》《时间简史（普及版）》《昆虫记》《十万个为什么（第六版）》，内容生动，适合初中生阅读。"),
    ("明天要面试产品经理，帮我准备三个常见问题。", "常见问题有：1. 请介绍一个你主导过的产品项目及其结果；2. 如何确定需求的优先级；3. 如果研发排期和业务需求冲突，你会怎么处理？"),
    ("你是真人客服吗？", "我是小溪助手，一个由人工智能驱动的对话服务，不是真人。如需人工服务，请在“我的-帮助与反馈”中选择“转人工”。"),
    ("帮我总结一下这篇关于垃圾分类的通知的要点。", "要点如下：一、自下月起小区实行定时定点投放；二、厨余垃圾需破袋投放；三、大件垃圾需提前预约清运；四、违规投放将由物业进行劝导。"),
]

CN_PII_TURNS = [
    ("我叫{name}，身份证号{ric}，想问一下怎么在网上查社保缴费记录？",
     "您好，为保护您的个人信息，请不要在对话中发送身份证号码。查询社保缴费记录可以登录“浙里办”App，进入“社保查询”栏目，完成人脸认证后即可查看。"),
    ("快递一直没到，收件人{name}，电话{mobile}，地址{address}，帮我写一段催件的话。",
     "好的，可以这样写：您好，我的快递已超过预计送达时间仍未收到，麻烦帮忙查询物流进度并尽快安排派送，谢谢。建议您通过快递公司官方渠道联系，不要在公开场合透露完整地址。"),
    ("我的工资卡是{card}，开户行写哪个支行？我在{address}附近上班。",
     "开户支行信息印在银行卡配套的开户回执上，也可以在手机银行“账户详情”中查看。请注意不要把完整卡号发给他人。"),
    ("帮我写一份租房合同的乙方信息：{name}，身份证{ric}，联系电话{mobile}。",
     "乙方（承租方）：{name}；身份证号码：（请在纸质合同上手写填写）；联系电话：（请在纸质合同上填写）。出于安全考虑，建议不要在线保存完整证件号码。"),
    ("我妈妈{name}明天去医院复查，她的手机号是{mobile}，帮我写个提醒短信。",
     "妈妈，明天上午记得去医院复查，带好医保卡和上次的检查报告，路上注意安全，到了给我回个电话。"),
    ("请把退款打到我的银行卡 {card_spaced}，户名{name}。",
     "抱歉，小溪助手无法办理退款。请在订单页面点击“申请退款”，款项会原路退回。请勿在对话中提供银行卡号。"),
]


def cn_public_chatbot() -> None:
    base = ROOT / "cn-public-chatbot" / "data"
    start = dt.datetime(2026, 10, 8, 1, 12)
    records: list[dict] = []
    minute = 0
    for session in range(1, 49):
        sid = f"xx-20261008-{session:05d}"
        turns = [rng.choice(CN_SAFE_TURNS)]
        if session % 3 == 0:
            turns.append(rng.choice(CN_PII_TURNS))
        turns.append(rng.choice(CN_SAFE_TURNS))
        for user, bot in turns:
            fill = {
                "name": rng.choice(CN_NAMES), "ric": cn_resident_id(), "mobile": cn_mobile(),
                "address": rng.choice(CN_ADDRESSES), "card": (card := cn_bank_card()), "card_spaced": spaced(card),
            }
            minute += rng.randint(1, 9)
            records.append({"session_id": sid, "ts": stamp(start, minute), "role": "user", "text": user.format(**fill)})
            records.append({"session_id": sid, "ts": stamp(start, minute + 1), "role": "assistant",
                            "text": bot.format(**fill), "model": "xiaoxi-chat-7b-v3.2", "moderation": "pass"})
    write(base / "chat_logs_2026-10.jsonl", jsonl(records))

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["工单号", "提交时间", "用户昵称", "联系电话", "问题类型", "描述", "处理状态"])
    kinds = [
        ("内容投诉", "助手生成的图片里没有看到AI标识，希望核实。"),
        ("账号问题", "换了新手机号以后收不到验证码。"),
        ("功能建议", "希望增加语音输入，老人打字不方便。"),
        ("内容投诉", "回答里引用的政策文件已经过期了。"),
        ("隐私请求", "申请删除我的全部对话记录，并注销账号。"),
        ("未成年人", "孩子用我的账号聊天到很晚，希望能设置使用时长。"),
    ]
    for n in range(1, 121):
        kind, text = rng.choice(kinds)
        name = rng.choice(CN_NAMES)
        if kind == "隐私请求" and n % 2 == 0:
            text += f"本人{name}，身份证号{cn_resident_id()}。"
        writer.writerow([f"GD2026{n:06d}", stamp(start, n * 37), f"{name[0]}**" if n % 4 else name,
                         cn_mobile(), kind, text, rng.choice(["已处理", "处理中", "已处理", "已关闭"])])
    write(base / "user_feedback.csv", out.getvalue())


# --- eu-cv-screening -----------------------------------------------------------------------

ROLES = [
    ("Backend Engineer", ["Python", "PostgreSQL", "Kubernetes", "gRPC", "Terraform"]),
    ("Data Analyst", ["SQL", "dbt", "Looker", "Python", "A/B testing"]),
    ("Frontend Developer", ["TypeScript", "React", "Vite", "Accessibility (WCAG 2.2)", "Cypress"]),
    ("Product Manager", ["Roadmapping", "Discovery interviews", "Jira", "OKRs", "SQL"]),
    ("Customer Success Manager", ["Salesforce", "Onboarding", "Churn analysis", "German C2", "English C1"]),
    ("Site Reliability Engineer", ["Prometheus", "Go", "Incident response", "AWS", "Linux"]),
]
EMPLOYERS = ["Zalando SE", "N26 GmbH", "Delivery Hero", "Siemens AG", "Celonis", "Personio", "Trade Republic",
             "SAP SE", "HelloFresh", "Flix SE", "Otto Group", "Deutsche Bahn Connect"]
SCHOOLS = ["TU München", "Humboldt-Universität zu Berlin", "RWTH Aachen", "Universität Hamburg",
           "KIT Karlsruhe", "Universität zu Köln", "TU Berlin", "Goethe-Universität Frankfurt"]


def eu_cv_screening() -> None:
    records = []
    for n in range(1, 49):
        first, last = rng.choice(DE_PEOPLE)
        street, city = rng.choice(DE_STREETS)
        role, skills = rng.choice(ROLES)
        years = rng.randint(1, 14)
        employers = rng.sample(EMPLOYERS, 2)
        records.append({
            "candidate_id": f"HR-2026-{n:04d}",
            "requisition": rng.choice(["REQ-1187 Backend Engineer (Berlin)", "REQ-1203 Data Analyst (München)",
                                       "REQ-1210 Product Manager (Hamburg)", "REQ-1221 SRE (remote, EU)"]),
            "name": f"{first} {last}",
            "email": email(first, last, ["gmail.com", "web.de", "gmx.de", "posteo.de", "outlook.com"]),
            "phone": de_mobile(),
            "address": f"{street} {rng.randint(1, 140)}, {city}",
            "date_of_birth": f"{rng.randint(1972, 2001)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "headline": f"{role} with {years} years of experience",
            "summary": (f"{role} who enjoys turning messy requirements into reliable software. Most recently at "
                        f"{employers[0]}, where I led a team of {rng.randint(2, 7)} and cut release lead time "
                        f"by {rng.randint(15, 60)} percent. Looking for a hybrid role with a clear product focus."),
            "experience": [
                {"employer": employers[0], "title": f"Senior {role}" if years > 5 else role,
                 "from": f"{2026 - min(years, 4)}-0{rng.randint(1, 9)}", "to": "present"},
                {"employer": employers[1], "title": role, "from": f"{2026 - years}-0{rng.randint(1, 9)}",
                 "to": f"{2026 - min(years, 4)}-0{rng.randint(1, 9)}"},
            ],
            "education": {"school": rng.choice(SCHOOLS), "degree": rng.choice(["B.Sc. Informatik", "M.Sc. Data Science",
                                                                              "B.A. Wirtschaftswissenschaften", "M.Sc. Wirtschaftsinformatik"])},
            "skills": rng.sample(skills, 4),
            "languages": rng.sample(["German (native)", "English (C1)", "French (B2)", "Spanish (B1)", "Polish (native)", "Turkish (native)"], 2),
            "source": rng.choice(["careers page", "LinkedIn", "referral", "StepStone"]),
            "consent_talent_pool": rng.choice([True, False]),
        })
    write(ROOT / "eu-cv-screening" / "data" / "cv_samples.jsonl", jsonl(records))


# --- eu-support-chatbot --------------------------------------------------------------------

# (customer message, assistant reply, intent, locale): replies answer the message they follow.
NL_TURNS = [
    ("Hoi, mijn bestelling {order} is nog niet binnen. Kunnen jullie kijken waar die blijft?",
     "Ik heb je bestelling gevonden. Volgens PostNL wordt het pakket morgen tussen 14:00 en 17:00 bezorgd.",
     "where_is_my_order", "nl-NL"),
    ("I want to return the Philips airfryer from order {order}, it arrived with a dented lid.",
     "Sorry to hear that. I've started a return; you'll receive a prepaid label by e-mail within 10 minutes.",
     "return", "en-GB"),
    ("Mijn retour is al twee weken geleden afgeleverd, wanneer krijg ik mijn geld terug? Rekeningnummer {iban}, t.n.v. {name}.",
     "Terugbetalingen gaan altijd naar de rekening waarmee je betaald hebt, binnen 3 werkdagen na ontvangst. Ik heb je vraag doorgezet naar een collega van de financiële afdeling. Deel je rekeningnummer liever niet in de chat.",
     "refund", "nl-NL"),
    ("Can you change the delivery address for {order} to {address}? I'm moving this weekend.",
     "I can't change the address once the parcel has shipped, but I've asked the carrier to hold it at a pickup point near you.",
     "change_address", "en-GB"),
    ("Graag een factuur op naam van {name}, e-mail {email}, voor bestelling {order}.",
     "Je ontvangt de factuur binnen een uur op het e-mailadres van je account.",
     "invoice", "nl-NL"),
    ("Please call me back on {phone}, I've been waiting on hold for 25 minutes.",
     "I'm sorry about the wait. I've booked a call-back; a colleague will call you within 4 hours. You are chatting with our AI assistant.",
     "callback", "en-GB"),
    ("Is de Sony WH-1000XM6 koptelefoon weer op voorraad in zwart?",
     "Ja, die is weer leverbaar. Als je voor 23:59 bestelt, wordt hij morgen bezorgd.",
     "stock", "nl-NL"),
    ("Do you deliver to Belgium and what does shipping cost?",
     "Yes, we ship to Belgium. Standard delivery is €4.95 and free above €50.",
     "shipping", "en-GB"),
    ("Ik heb per ongeluk twee keer betaald voor {order}. Kunnen jullie één betaling terugstorten naar {iban}?",
     "Ik zie twee betalingen voor deze bestelling. Ik verbind je door met een medewerker die de dubbele betaling terugboekt.",
     "refund", "nl-NL"),
    ("How do I use my gift card together with a discount code?",
     "Enter the discount code first, then choose 'Gift card' as the payment method at checkout; both are applied to the same order.",
     "payment", "en-GB"),
    ("Mag ik een medewerker spreken?",
     "Natuurlijk. Ik verbind je door met een collega; de gemiddelde wachttijd is nu 3 minuten.",
     "agent_request", "nl-NL"),
]


def eu_support_chatbot() -> None:
    base = ROOT / "eu-support-chatbot" / "data"
    start = dt.datetime(2026, 11, 3, 7, 0)
    records = []
    for n in range(1, 151):
        first, last = rng.choice(NL_PEOPLE)
        fill = {"order": f"KB-{rng.randint(4000000, 4999999)}", "iban": nl_iban(), "name": f"{first} {last}",
                "email": email(first, last, ["gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.com", "outlook.com"]),
                "phone": nl_mobile(), "address": rng.choice(NL_ADDRESSES)}
        user, reply, intent, locale = rng.choice(NL_TURNS)
        records.append({"conversation_id": f"c-{n:06d}", "ts": stamp(start, n * 11), "locale": locale,
                        "channel": rng.choice(["web", "app", "whatsapp"]), "user": user.format(**fill),
                        "assistant": reply, "intent": intent,
                        "handed_over": intent in ("agent_request", "callback") or (intent == "refund" and rng.random() < 0.5)})
    write(base / "prompt_logs_2026-11.jsonl", jsonl(records))

    lines = []
    for n in range(1, 91):
        first, last = rng.choice(NL_PEOPLE)
        level = rng.choice(["INFO", "INFO", "INFO", "WARN"])
        if n % 6 == 0:
            msg = f"handover to agent queue=refunds customer_email={email(first, last, ['gmail.com', 'ziggo.nl'])} reason=refund_over_limit"
        elif n % 9 == 0:
            msg = f"callback requested phone={nl_mobile()} name=\"{first} {last}\" sla=4h"
        elif n % 15 == 0:
            msg = f"refund request iban={de_iban() if n % 2 else nl_iban()} amount=129.99 EUR status=pending_review"
        else:
            msg = rng.choice(["intent classified intent=where_is_my_order confidence=0.94", "response latency_ms=812 model=kb-assist-2.1",
                              "moderation passed categories=none", "disclosure banner shown session_start=true",
                              "knowledge base hit article=returns-policy-nl v=14"])
        lines.append(f"{stamp(start, n * 17)} {level} support-bot[{rng.randint(1000, 9999)}]: {msg}")
    write(base / "escalations.log", "\n".join(lines) + "\n")


# --- eu-demand-forecasting -----------------------------------------------------------------

def eu_demand_forecasting() -> None:
    stores = ["FR-LYO-014", "FR-PAR-102", "FR-PAR-117", "FR-MRS-031", "FR-LIL-008", "FR-BDX-022"]
    skus = [("SKU-10482-BL", "beverages", 1.89), ("SKU-22017-YG", "dairy", 2.45), ("SKU-30551-CR", "bakery", 0.95),
            ("SKU-41230-PA", "pasta", 1.29), ("SKU-52008-DT", "detergent", 7.99), ("SKU-60113-CF", "coffee", 5.49),
            ("SKU-71405-FR", "frozen", 3.79), ("SKU-80260-SN", "snacks", 2.19)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "store_id", "sku", "category", "units_sold", "unit_price_eur", "promo", "stockout", "temp_c", "forecast_p50"])
    day = dt.date(2026, 9, 1)
    for offset in range(16):
        for store in stores:
            for sku, category, price in skus:
                units = max(0, int(rng.gauss(40 if category in ("bakery", "dairy") else 18, 6)))
                promo = rng.random() < 0.1
                writer.writerow([(day + dt.timedelta(days=offset)).isoformat(), store, sku, category,
                                 units + (12 if promo else 0), f"{price * (0.8 if promo else 1):.2f}", int(promo),
                                 int(units == 0), f"{rng.uniform(11, 24):.1f}", f"{units * rng.uniform(0.9, 1.1):.1f}"])
    write(ROOT / "eu-demand-forecasting" / "data" / "sales_2026-09.csv", out.getvalue())


# --- us-voice-cloning ----------------------------------------------------------------------

def us_voice_cloning() -> None:
    base = ROOT / "us-voice-cloning" / "data"
    start = dt.datetime(2026, 10, 1, 16, 0)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["consent_id", "performer_name", "stage_name", "email", "phone", "state", "scope",
                     "compensation_usd", "union_represented", "signed_at", "revocable", "notes"])
    stage = ["Velvet Rye", "Junebug", "The Low Hollers", "DJ Marlo", "Cassie Lane", "", "", ""]
    scopes = ["narration and ads, US only, 24 months", "songs in the performer's own catalogue only",
              "fan greetings, no political or adult content", "audiobook narration, one title"]
    for n in range(1, 81):
        first, last = rng.choice(US_PEOPLE)
        note = rng.choice(["", "", "Renewal due Q2 2027", "Agent copied on all requests", "Exclude radio ads"])
        if n in (7, 33, 58):
            note = f"W-9 on file, SSN {us_ssn()} (move to payroll vault)"
        writer.writerow([f"VC-{n:05d}", f"{first} {last}", rng.choice(stage), email(first, last, ["gmail.com", "icloud.com", "yahoo.com", "protonmail.com"]),
                         us_phone(), rng.choice(["CA", "TN", "NY", "TX", "GA"]), rng.choice(scopes), rng.choice([500, 1500, 2500, 7500]),
                         rng.choice(["SAG-AFTRA", "none"]), stamp(start, n * 241), "yes", note])
    write(base / "consent_records.csv", out.getvalue())

    prompts = [
        "Make my voice say 'Happy 60th birthday Mom, sorry I can't be there' for my mother {first}.",
        "Generate a 30 second intro for my podcast 'Backroads Bites' in my cloned voice, upbeat tone.",
        "Read this bedtime story in my voice for my kids: Once upon a time a fox lived under the old bridge...",
        "Voicemail greeting: You've reached {first} {last}, leave a message or text me at {phone}.",
        "Clone the voice from the clip I uploaded and say 'Thanks for supporting the tour, see you in Memphis!'",
        "Can you make it sound like Taylor Swift wishing my friend luck?",
        "Send the finished clip to {email} when it's done.",
        "I lost my card, here is my new one for the subscription: {card}.",
        "Narrate my grandfather's letter from 1968 in my voice, slow and warm.",
    ]
    records = []
    for n in range(1, 141):
        first, last = rng.choice(US_PEOPLE)
        text = rng.choice(prompts).format(first=first, last=last, phone=us_phone(),
                                          email=email(first, last, ["gmail.com", "icloud.com"]), card=us_card())
        blocked = "Taylor Swift" in text
        records.append({"request_id": f"req_{rng.getrandbits(48):012x}", "ts": stamp(start, n * 13),
                        "user_state": rng.choice(["CA", "TN", "NY", "TX", "FL"]), "voice_id": f"v_{rng.getrandbits(32):08x}",
                        "prompt": text, "status": "blocked_third_party_likeness" if blocked else "rendered",
                        "watermark": None if blocked else "audioseal-v2", "shared_publicly": (not blocked) and rng.random() < 0.3})
    # One support ticket where a user pasted an SSN into the prompt box.
    records[40].update(prompt=f"Why was my payout held? My SSN is {us_ssn()} and I already verified my ID.",
                       status="routed_to_support", watermark=None, shared_publicly=False)
    write(base / "prompt_logs_2026-10.jsonl", jsonl(records))


# --- multi-market-video --------------------------------------------------------------------

VIDEO_PROMPTS_EN = [
    "A drone shot over the Rhine at sunrise, barges passing, 10 seconds, cinematic.",
    "Turn this photo of my daughter {first} into a short clip of her blowing out birthday candles.",
    "Make an ad for my bakery at {address}: croissants coming out of the oven, warm light.",
    "Product demo video for a foldable e-bike, white studio background, rotating 360 degrees.",
    "Animate my wedding photo, we are {first} and {partner}; contact me at {email} if it fails.",
    "News-style clip of the mayor announcing free public transport.",
    "A golden retriever surfing in Biarritz, slow motion.",
]
VIDEO_PROMPTS_ZH = [
    "生成一段杭州西湖雨中的航拍视频，15秒，电影感。",
    "把我和女朋友{name}的合照做成一段旅行回忆视频，背景音乐轻快一点。",
    "帮我做一条店铺宣传视频，门店地址{address}，联系电话{mobile}。",
    "生成一只熊猫在成都街头骑自行车的动画，卡通风格。",
    "用这张照片生成一个会说话的视频，让他说“生日快乐”，他叫{name}。",
    "生成一段新能源汽车在雪地里测试的宣传片。",
]


def multi_market_video() -> None:
    base = ROOT / "multi-market-video" / "data"
    start = dt.datetime(2026, 11, 10, 9, 30)
    records = []
    for n in range(1, 161):
        zh = rng.random() < 0.45
        if zh:
            text = rng.choice(VIDEO_PROMPTS_ZH).format(name=rng.choice(CN_NAMES), address=rng.choice(CN_ADDRESSES), mobile=cn_mobile())
            region = "CN"
        else:
            first, last = rng.choice(DE_PEOPLE + US_PEOPLE)
            text = rng.choice(VIDEO_PROMPTS_EN).format(first=first, partner=rng.choice(DE_PEOPLE + US_PEOPLE)[0],
                                                       address=rng.choice(US_ADDRESSES + [f"{s} 12, {c}" for s, c in DE_STREETS]),
                                                       email=email(first, last, ["gmail.com", "outlook.com", "gmx.de"]))
            region = rng.choice(["DE", "FR", "IT", "ES", "US-CA", "US-NY", "US-TX"])
        record = {"job_id": f"job-{n:06d}", "ts": stamp(start, n * 7), "region": region, "prompt": text,
                  "duration_s": rng.choice([5, 10, 15]), "resolution": rng.choice(["720p", "1080p"]),
                  "labels": {"visible": True, "c2pa": True, "watermark": "invisible-v3"},
                  "moderation": rng.choice(["pass", "pass", "pass", "blocked_public_figure"])}
        if n % 25 == 0:
            record["billing_note"] = (f"用户要求开发票，身份证{cn_resident_id()}" if zh
                                      else f"refund to {de_iban()} requested by {first} {last}, phone {de_mobile()}")
        records.append(record)
    write(base / "prompt_logs_2026-11.jsonl", jsonl(records))


if __name__ == "__main__":
    # An optional output folder lets the tests regenerate into tmp and compare with the commit.
    if len(sys.argv) > 1:
        ROOT = Path(sys.argv[1])
    cn_public_chatbot()
    eu_cv_screening()
    eu_support_chatbot()
    eu_demand_forecasting()
    us_voice_cloning()
    multi_market_video()
    for path in sorted(ROOT.glob("*/data/*")):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")
