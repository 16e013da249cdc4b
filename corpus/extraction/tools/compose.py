"""Writes the extraction corpus's source texts (corpus/extraction/source/*.txt, UTF-8) and ground truths
(corpus/extraction/truth/*.json) from the hand-written contract specifications below; render.py then makes the
.docx/.pdf/.png/GB18030 files the scorer reads. Run: python3 corpus/extraction/tools/compose.py

Every truth value comes from the specification a person wrote (the same values the text is written from), never
from the extractor. Conventions a person filling the ledger form would follow are listed in corpus/extraction/README.md."""
import json
import os
import sys
from decimal import Decimal as M

sys.path.insert(0, os.path.dirname(__file__))
from contracts_lib import D, capitals, iso, money, num, end_of_term, uscc_valid  # noqa: E402
from parties import PURCHASERS as PU, SUPPLIERS as SU  # noqa: E402
from templates import TEMPLATES  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))


def I(pct, when, trigger, days=None, working=None, name="", amt=None, due=None, text=None, purpose=""):
    return dict(pct=pct, when=when, trigger=trigger, days=days, working=working, name=name, amt_shown=amt, due=due,
                text=text, purpose=purpose)


S10W = lambda p, **k: I(p, "合同签订后10个工作日内", "signing", 10, True, name="预付款", purpose="作为预付款", **k)
ACC15W = lambda p, **k: I(p, "货物到货并经甲方验收合格后15个工作日内", "acceptance", 15, True, name="验收款", **k)
ACC30 = lambda p, **k: I(p, "验收合格后30日内", "acceptance", 30, False, name="验收款", **k)
WEND = lambda p, **k: I(p, "质保期满且无质量问题后15日内", "warranty_end", 15, False, name="尾款", **k)

C = []  # the contracts, in file order


def add(**c):
    c.setdefault("P", PU[c.pop("p")] if "p" in c else None)
    c.setdefault("S", SU[c.pop("s")] if "s" in c else None)
    for who in ("P", "S"):
        if who + "_uscc" in c:  # a typing error in the code as the contract prints it
            c[who] = dict(c[who], uscc=c.pop(who + "_uscc"))
    C.append(c)


# ------------------------------------------------------------------ government procurement (agreement + terms)
add(id="c01", fmt="docx", tpl="gp", cat="goods", title="江州市政府采购合同（货物类）", no="JZCG-2024-0101", p="hosp1", s="hengtong",
    project="江州市第一人民医院全自动生化分析仪采购项目", plan="JZCG2024-H-0088",
    subject="乙方向甲方提供全自动生化分析仪1台及配套试剂，规格型号及配置详见附件《货物清单》。",
    amount=M("1200000"), amount_style="cap_fig", tax=13, sign=D(2024, 3, 1), date_style="cn",
    delivery_date=D(2024, 4, 30), delivery_place="江州市第一人民医院检验科",
    schedule=[S10W(30), ACC15W(65), WEND(5)], bond=("pct", 5), warranty=(36, "months"), retention=(5, None, "warranty"),
    ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律")

add(id="c02", fmt="txt", tpl="gp", cat="services", title="江州市政府采购合同（服务类）", no="JZCG-2024-0215", p="data", s="hx",
    project="江州市政务云平台运维服务项目", plan="JZCG2024-F-0132",
    subject="乙方为甲方政务云平台提供7×24小时运行维护服务，服务内容及标准详见采购文件。",
    amount=M("2860000"), amount_style="fig_cap", tax=6, tax_style=1, sign=D(2024, 1, 15), date_style="cn",
    term=("range", D(2024, 2, 1), D(2025, 1, 31)),
    schedule=[I(50, "合同签订并收到乙方发票后15个工作日内", "signing", 15, True, purpose="作为首期服务费"),
              I(50, "服务期满经甲方考核合格后15个工作日内", "acceptance", 15, True)],
    bond=("pct", 3), ld=("千分之一", M("0.001")), ld_cap=5, dispute=("lit", "甲方所在地人民法院"), law="中华人民共和国法律", law_style=1)

add(id="c03", fmt="docx", tpl="gp", cat="goods", title="政府采购合同", no="JZCG(2024)第0307号", p="school", s="cg",
    project="江州市实验中学办公设备采购项目", plan="JZCG2024-H-0241",
    subject="乙方向甲方供应台式计算机120台、激光打印机20台，具体配置详见货物清单。",
    amount=M("738600"), amount_style="wan_cap", tax=13, tax_style=2, sign=D(2024, 3, 7), date_style="cnz",
    delivery_rule="合同签订后20日内", delivery_place="江州市实验中学行政楼一楼仓库",
    schedule=[I(100, "全部货物到货并经甲方验收合格后30日内", "acceptance", 30, False, text="全部货物到货并经甲方验收合格后30日内，甲方一次性支付合同总价的100%；")],
    bond=None, warranty=(36, "years"), ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律")

add(id="c04", fmt="pdf", tpl="gp", cat="services", title="江州市政府采购合同（服务类）", no="JZCG-2024-0420", p="cgj", s="wj",
    project="江州市青溪区主次干道道路保洁服务项目", plan="JZCG2024-F-0310",
    subject="乙方负责青溪区32条主次干道的道路清扫保洁、垃圾清运服务，作业标准详见采购文件。",
    amount=M("4320000"), amount_style="fig_cap", tax=6, sign=D(2024, 4, 18), date_style="iso",
    term=("range", D(2024, 5, 1), D(2025, 4, 30)),
    schedule=[I(None, "服务费按月支付，甲方在每月考核结束后且收到乙方发票后10个工作日内支付当月服务费，每月", "period", 10, True, amt=M("360000"),
                text="服务费按月支付，甲方在每月考核结束并收到乙方发票后10个工作日内，支付当月服务费人民币360,000.00元；")],
    bond=("pct", 2), ld=("万分之三", M("0.0003")), dispute=("lit", "江州市青溪区人民法院"), law=None)

add(id="c05", fmt="txt", tpl="gp", cat="goods", title="政府采购合同（货物类）", no="QXCG-2024-017", p="qxhosp", s="hengtong",
    project="青溪区人民医院彩色多普勒超声诊断仪采购项目", plan="QXCG2024-017",
    subject="乙方向甲方提供彩色多普勒超声诊断仪2台，含安装、调试及操作培训。",
    amount=M("1960000"), amount_style="cap_fig", tax=13, sign=D(2024, 5, 20), date_style="dot",
    delivery_date=D(2024, 6, 30), delivery_place="青溪区人民医院超声科",
    schedule=[S10W(40), ACC30(55), WEND(5)], bond=("pct", 5), warranty=(60, "months"), retention=(5, None, "warranty"),
    ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律", labels=1,
    S_uscc="91360199MA37F9W584")

add(id="c06", fmt="docx", tpl="gp", cat="services", title="江州市政府采购合同（服务类）", no="JZCG-2024-0533", p="health", s="zh",
    project="江州市卫生健康系统财务审计服务项目", plan="JZCG2024-F-0402",
    subject="乙方对甲方所属12家公立医院2023年度财务收支情况进行审计，并出具审计报告。",
    amount=M("456000"), amount_style="fig_cap", tax=6, sign=D(2024, 5, 28), date_style="cn",
    term=("range", D(2024, 6, 1), D(2024, 9, 30)), sched_style="table",
    schedule=[I(30, "合同签订后10个工作日内", "signing", 10, True, name="预付款"),
              I(70, "审计报告经甲方验收合格后15个工作日内", "acceptance", 15, True, name="结算款")],
    bond=None, ld=("千分之一", M("0.001")), ld_cap=10, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律", law_style=2)

add(id="c07", fmt="txt", tpl="gp", cat="goods", title="江州市政府采购合同", no="JZCG-2024-0612", p="traffic", s="zx",
    project="江州市交通信号控制系统升级改造项目", plan="JZCG2024-H-0455",
    subject="乙方为甲方提供智能交通信号控制机86台及信号控制平台软件，负责安装调试及联网。",
    amount=M("5387200"), amount_style="fig_cap", tax=13, tax_style=1, sign=D(2024, 6, 12), date_style="pad",
    delivery_date=D(2024, 9, 15), delivery_place="江州市公安局交通警察支队指挥中心及指定路口", sched_style="table",
    schedule=[I(30, "合同签订后15个工作日内", "signing", 15, True, name="预付款"),
              I(40, "全部设备到货后15个工作日内", "delivery", 15, True, name="到货款"),
              I(27, "项目终验合格后30日内", "acceptance", 30, False, name="验收款"),
              I(3, "质保期满后30日内", "warranty_end", 30, False, name="质保金")],
    bond=("pct", 5), warranty=(36, "months"), retention=(3, None, "warranty"),
    ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律")

add(id="c08", fmt="png", tpl="gp", cat="goods", title="政府采购合同（货物类）", no="JZCG-2024-0705", p="lib", s="xh",
    project="江州市图书馆2024年度图书采购项目", plan="JZCG2024-H-0517",
    subject="乙方按甲方书目向甲方供应中文图书约18000册，并完成加工编目。",
    amount=M("960000"), amount_style="fig_cap", sign=D(2024, 7, 5), date_style="cn", party_style="names",
    delivery_date=D(2024, 10, 31), delivery_place="江州市图书馆采编部",
    schedule=[S10W(30), ACC30(70)], bond=None, ld=("万分之五", M("0.0005")), dispute=("lit", "江州市红谷滩区人民法院"), law=None)

add(id="c09", fmt="docx", tpl="gp", cat="services", title="江州市政府采购合同（服务类）", no="JZCG-2024-0719", p="mz", s="kd",
    project="江州市社会福利院食堂餐饮服务项目", plan="JZCG2024-F-0533",
    subject="乙方为江州市社会福利院提供食堂餐饮服务，每日三餐，就餐人数约260人。",
    amount=M("1576800"), amount_style="fig_cap", tax=6, sign=D(2024, 7, 19), date_style="cn",
    term=("year_from", D(2024, 8, 1)),
    schedule=[I(None, "餐费按季度结算，甲方在每季度末收到发票后15日内", "period", 15, False, amt=M("394200"),
                text="餐费按季度结算，甲方在每季度末收到乙方发票后15日内支付当季餐费人民币394,200.00元；")],
    bond=("amount", M("50000")), ld=None, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律", party_style="sig")

add(id="c10", fmt="txt", tpl="gp", cat="goods", title="政府采购合同（货物类）", no="JZCG-2024-0802", p="cdc", s="hengtong",
    project="江州市疾病预防控制中心实验室设备采购项目", plan="JZCG2024-H-0601",
    subject="乙方向甲方提供实时荧光定量PCR仪2台、生物安全柜4台及配套设备。",
    amount=M("2145000"), amount_style="cap_fig", tax=13, sign=D(2024, 8, 2), date_style="cn", sign_in_preamble=True,
    delivery_date=D(2024, 9, 30), delivery_place="江州市疾病预防控制中心实验楼",
    schedule=[S10W(30), ACC15W(60), WEND(10)], bond=("pct", 5), warranty=(24, "months"), retention=(10, None, "warranty"),
    ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律")

add(id="c11", fmt="pdf", tpl="gp", cat="goods", title="江州市政府采购合同（货物类）", no="JZCG-2024-0815", p="school", s="jd",
    project="江州市实验中学校园安防监控系统采购项目", plan="JZCG2024-H-0622",
    subject="乙方提供高清网络摄像机210台、存储服务器及管理平台，并完成安装调试。",
    amount=M("1328000"), amount_style="fig_cap", tax=13, sign=D(2024, 8, 15), date_style="cn",
    delivery_date=D(2024, 8, 31), delivery_place="江州市实验中学",
    schedule=[S10W(30), ACC30(67), WEND(3)], bond=("pct", 5), warranty=(36, "months"), retention=(3, 36, "period"),
    ld=("千分之一", M("0.001")), ld_cap=10, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律")

add(id="c12", fmt="docx", tpl="gp", cat="services", title="政府采购合同（服务类）", no="JZCG-2024-0903", p="gov", s="ba",
    project="江州市人民政府办公区安保服务项目", plan="JZCG2024-F-0701",
    subject="乙方为甲方办公区提供门岗值守、巡逻、消防监控等安保服务，配备保安员36名。",
    amount=M("2376000"), amount_style="fig_cap", tax=6, sign=D(2024, 9, 3), date_style="cn",
    term=("range", D(2024, 10, 1), D(2025, 9, 30)),
    schedule=[I(None, "服务费按月支付", "period", 10, True, amt=M("198000"),
                text="服务费按月支付，甲方在次月收到乙方发票后10个工作日内支付上月服务费人民币198,000.00元；")],
    bond=("pct", 2), ld=None, dispute=("lit", "甲方所在地人民法院"), law="中华人民共和国法律",
    P_sig_name="江州市政府办公室", S_sig_name="江州市保安服务有限公司")

# ------------------------------------------------------------------ GF-2017-0201 construction
add(id="c13", fmt="docx", tpl="gf", cat="works", title="建设工程施工合同", no="QXJS-2024-003", p="qxzj", s="yj",
    project="青溪区老旧小区改造工程（一期）", site="江州市青溪区站前路、洪都中大道沿线12个小区",
    subject="建筑外立面整治、屋面防水、雨污分流管网、道路及绿化改造。",
    amount=M("18650000"), amount_style="cap_fig", tax=9, sign=D(2024, 3, 20), date_style="cn",
    term=("gf", D(2024, 4, 1), D(2024, 12, 31)),
    schedule=[I(20, "合同签订后28日内，发包人向承包人支付签约合同价的20%作为预付款；", "signing", 28, False,
                text="合同签订后28日内，发包人向承包人支付签约合同价的20%作为预付款；"),
              I(60, "", "period", None, None, text="工程进度款按月支付，每月按经监理人和发包人审核确认的已完工程量的75%支付，累计支付至签约合同价的80%；"),
              I(17, "", "acceptance", 28, False, text="工程竣工验收合格并办理结算后28日内，支付至结算价款的97%（即再支付17%）；"),
              I(3, "", "warranty_end", None, None, text="剩余3%作为质量保证金，缺陷责任期满后返还。")],
    bond=("pct", 10), defect_months=24, retention=(3, None, "defect"), warranty=None,
    ld=("万分之三", M("0.0003")), ld_cap=5, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律", law_style=0)

add(id="c14", fmt="txt", tpl="gf", cat="works", title="建设工程施工合同", no="JZSW-2024-GC-011", p="water", s="sz",
    project="江州市城东污水管网修复工程", site="江州市青溪区城东片区",
    subject="DN400至DN1200污水管道非开挖修复约6.8公里及检查井改造。",
    amount=M("9786500"), amount_style="cap_fig", tax=9, sign=D(2024, 5, 8), date_style="cn",
    term=("gf", D(2024, 5, 20), D(2024, 11, 15)),
    schedule=[I(30, "", "signing", 14, False, text="合同签订后14日内，发包人支付签约合同价的30%作为预付款；"),
              I(67, "", "acceptance", 30, False, text="工程竣工验收合格后30日内，支付至结算价的97%；"),
              I(3, "", "warranty_end", None, None, text="剩余3%作为质量保证金，缺陷责任期满后无息返还。")],
    bond=("pct", 5), defect_months=24, retention=(3, None, "defect"), warranty=(24, "gf"),
    ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("lit", "工程所在地人民法院"), law="中华人民共和国法律")

add(id="c15", fmt="pdf", tpl="gf", cat="works", title="江州市建设工程施工合同", no="QXJT-2024-008", p="qxjt", s="gjlq",
    project="青溪区G320沿线乡村道路提升工程", site="江州市青溪区罗家镇、蒋巷镇",
    subject="道路拓宽、沥青路面铺设22.6公里及交通安全设施。",
    amount=M("23418000"), amount_style="wan", tax=9, sign=D(2024, 6, 6), date_style="cn",
    term=("gf", D(2024, 6, 15), D(2025, 3, 31)),
    schedule=[I(20, "", "signing", 28, False, text="合同签订后28日内支付签约合同价的20%作为预付款；"),
              I(77, "", "acceptance", 28, False, text="工程竣工验收合格后28日内支付至签约合同价的97%；"),
              I(3, "", "warranty_end", None, None, text="剩余3%质量保证金于缺陷责任期满后支付。")],
    bond=("pct", 10), defect_months=24, retention=(3, None, "defect"), warranty=None,
    ld=("万分之五", M("0.0005")), ld_cap=5, dispute=("arb", "江州仲裁委员会"), law=None)

add(id="c16", fmt="docx", tpl="gf", cat="works", title="建设工程施工合同", no="JZJY-2024-JS-021", p="edu", s="yj",
    project="江州市第三中学教学楼加固改造工程", site="江州市青溪区永叔路20号",
    subject="教学楼结构加固、门窗更换、内外墙翻新及配套水电改造。",
    amount=M("6532000"), amount_style="cap_fig", tax=9, sign=D(2024, 6, 25), date_style="cnz",
    term=("gf", D(2024, 7, 5), D(2024, 8, 28)),
    schedule=[I(30, "", "signing", 7, True, text="合同签订后7个工作日内，发包人支付签约合同价的30%作为预付款；"),
              I(40, "", "acceptance", None, None, text="主体加固完成经监理验收后，支付签约合同价的40%；"),
              I(27, "", "acceptance", 30, False, text="竣工验收合格并结算审计完成后30日内，支付至结算价的97%；"),
              I(3, "", "warranty_end", None, None, text="剩余3%作为质量保证金，缺陷责任期满后返还。")],
    bond=("pct", 5), defect_months=24, retention=(3, None, "defect"), warranty=(24, "gf"),
    ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("lit", "江州市青溪区人民法院"), law="中华人民共和国法律", law_style=1)

add(id="c17", fmt="scan", tpl="gf", cat="works", title="建设工程施工合同", no="JZCG-2024-GC-052", p="cgj", s="xc",
    project="江州市滨江公园景观提升工程", site="江州市红谷滩区滨江公园",
    subject="园路铺装、苗木种植、景观照明及配套设施。",
    amount=M("4258000"), amount_style="cap_fig", tax=9, sign=D(2024, 3, 12), date_style="cn",
    term=("gf", D(2024, 3, 25), D(2024, 7, 31)),
    schedule=[I(30, "", "signing", 14, False, text="合同签订后14日内支付签约合同价的30%作为预付款；"),
              I(67, "", "acceptance", 28, False, text="竣工验收合格后28日内支付至结算价的97%；"),
              I(3, "", "warranty_end", None, None, text="剩余3%作为质量保证金，缺陷责任期满后返还。")],
    bond=("pct", 5), defect_months=12, retention=(3, None, "defect"), warranty=None,
    ld=("万分之五", M("0.0005")), ld_cap=5, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律")

add(id="c18", fmt="txt", tpl="gf", cat="works", title="建设工程施工合同", no="QXNY-2024-GC-004", p="qxny", s="sz",
    project="青溪区高标准农田建设项目（2024年度）", site="江州市青溪区塘南镇",
    subject="土地平整、灌排渠系、田间道路及农田防护工程，建设面积1.2万亩。",
    amount=M("15800000"), amount_style="wan_cap", tax=9, sign=D(2024, 2, 26), date_style="dot",
    term=("gf", D(2024, 3, 1), D(2024, 10, 31)),
    schedule=[I(20, "", "signing", 28, False, text="合同签订后28日内，发包人支付签约合同价的20%作为预付款；"),
              I(77, "", "acceptance", 28, False, text="竣工验收合格后28日内，支付至结算价的97%；"),
              I(3, "", "warranty_end", None, None, text="剩余3%作为质量保证金，缺陷责任期满后返还。")],
    bond=("amount", M("790000")), defect_months=24, retention=(3, None, "defect"), warranty=None,
    ld=("万分之三", M("0.0003")), ld_cap=5, dispute=("lit", "工程所在地人民法院"), law="中华人民共和国法律")

add(id="c19", fmt="gb18030", tpl="gf", cat="works", title="建设工程施工合同", no="JZWJ-2024-019", p="health", s="at",
    project="江州市急救中心消防系统改造工程", site="江州市青溪区象山北路66号",
    subject="火灾自动报警系统、自动喷水灭火系统更新改造。",
    amount=M("1865400"), amount_style="cap_fig", tax=9, sign=D(2024, 4, 9), date_style="cn",
    term=("gf", D(2024, 4, 20), D(2024, 7, 18)),
    schedule=[I(30, "", "signing", 10, True, text="合同签订后10个工作日内支付签约合同价的30%；"),
              I(67, "", "acceptance", 30, False, text="工程竣工验收合格后30日内支付至结算价的97%；"),
              I(3, "", "warranty_end", None, None, text="剩余3%作为质量保证金，缺陷责任期满后返还。")],
    bond=("pct", 5), defect_months=24, retention=(3, None, "defect"), warranty=(24, "gf"),
    ld=("千分之一", M("0.001")), ld_cap=10, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律",
    S_sig_name="江州安泰消防工程公司")

# ------------------------------------------------------------------ goods purchase contracts (第X条)
add(id="c20", fmt="docx", tpl="goods", cat="goods", title="货物采购合同", no="JZSJ-2024-HW-006", p="amr", s="cg",
    project="江州市市场监督管理局办公家具采购项目", subject="乙方向甲方供应办公家具一批，明细如下：",
    items=[("办公桌", "1600×800", 60, M("1850")), ("办公椅", "人体工学", 60, M("980")), ("文件柜", "钢制四门", 40, M("1260"))],
    amount=M("220200"), amount_style="fig_cap", tax=13, sign=D(2024, 4, 11), date_style="cn",
    delivery_date=D(2024, 5, 10), delivery_place="江州市青溪区福州路88号甲方办公楼",
    schedule=[I(100, "货物验收合格且甲方收到发票后30日内", "acceptance", 30, False, text="货物验收合格且甲方收到乙方发票后30日内，甲方一次性支付合同总价款的100%；")],
    bond=None, warranty=(36, "months"), ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("lit", "甲方所在地人民法院"), law=None)

add(id="c21", fmt="txt", tpl="goods", cat="goods", title="医疗设备采购合同", no="DYYY-SB-2024-031", p="hosp1", s="hengtong",
    project="江州市第一人民医院医用内窥镜采购项目", subject="乙方向甲方供应以下设备：",
    items=[("电子胃肠镜", "EG-760Z", 2, M("468000")), ("内镜清洗消毒机", "ESD-2", 1, M("154000"))],
    amount=M("1090000"), amount_style="cap_fig", tax=13, sign=D(2024, 5, 6), date_style="cn",
    delivery_date=D(2024, 6, 15), delivery_place="江州市第一人民医院消化内镜中心",
    sched_style="table",
    schedule=[I(30, "合同签订后10个工作日内", "signing", 10, True, name="预付款"),
              I(60, "验收合格后15个工作日内", "acceptance", 15, True, name="验收款"),
              I(10, "质保期满后10个工作日内", "warranty_end", 10, True, name="质保金")],
    bond=("pct", 5), warranty=(60, "months"), retention=(10, None, "warranty"),
    ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律")

add(id="c22", fmt="gb18030", tpl="goods", cat="goods", title="货物买卖合同", no="HM-2024-0418", p="edu", s="hm",
    project="江州市中小学2024年秋季教辅资料印制项目", subject="乙方承印以下资料：",
    items=[("作业本", "16开", 250000, M("1.2")), ("练习册", "大16开", 80000, M("6.8"))],
    amount=M("844000"), amount_style="fig_cap", tax=13, tax_style=2, sign=D(2024, 4, 18), date_style="cn",
    delivery_date=D(2024, 8, 20), delivery_place="江州市各中小学（按甲方配送清单）",
    schedule=[I(40, "合同签订后15日内", "signing", 15, False, text="合同签订后15日内，甲方向乙方支付合同总价的40%；"),
              I(60, "全部资料交付验收合格后30日内", "acceptance", 30, False, text="全部资料交付验收合格后30日内，甲方支付合同总价的60%。")],
    bond=("pct", 3), warranty=None, ld=("千分之二", M("0.002")), ld_cap=20, dispute=("lit", "江州市青溪区人民法院"), law="中华人民共和国法律")

add(id="c23", fmt="docx", tpl="goods", cat="goods", title="车辆采购合同", no="JZGW-2024-CL-002", p="fin", s="hyqc",
    project="江州市财政局公务用车更新采购项目", subject="乙方向甲方供应新能源公务用车，明细如下：",
    items=[("纯电动轿车", "5座", 4, M("158000"))],
    amount=M("632000"), amount_style="yen", tax=13, sign=D(2024, 6, 3), date_style="iso",
    delivery_date=D(2024, 7, 15), delivery_place="江州市红谷滩区赣江中大道366号",
    schedule=[I(100, "车辆交付并办理完上牌手续后", "delivery", 20, True, text="车辆交付并办理完上牌手续后20个工作日内，甲方支付全部合同款项的100%；")],
    bond=None, warranty=(36, "cn_years"), ld=("万分之五", M("0.0005")), dispute=("lit", "甲方所在地人民法院"), law="中华人民共和国法律")

add(id="c24", fmt="txt", tpl="goods", cat="goods", title="设备采购合同", no="JZSY-2024-SB-12", p="school", s="md",
    project="江州市实验中学智慧教室设备采购项目", subject="乙方供应智慧教室设备，明细如下：",
    items=[("交互式智能平板", "86英寸", 48, M("18600")), ("录播主机", "4K", 6, M("35000"))],
    amount=M("1102800"), amount_style="fig_cap", tax=13, sign=D(2024, 7, 1), date_style="cnz",
    delivery_date=D(2024, 8, 25), delivery_place="江州市实验中学教学楼",
    schedule=[S10W(30), ACC30(65), WEND(5)], bond=("pct", 5), warranty=(60, "months"), retention=(5, 60, "period"),
    ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律", labels=2,
    P_uscc="123601994912874D2F")

add(id="c25", fmt="scan", tpl="goods", cat="goods", title="货物采购合同", no="LIB-2024-HW-09", p="lib", s="cg",
    project="江州市图书馆阅览室家具采购项目", subject="乙方供应阅览室家具，明细如下：",
    items=[("阅览桌", "2400×1200", 30, M("3200")), ("阅览椅", "实木", 180, M("650"))],
    amount=M("213000"), amount_style="fig_cap", sign=D(2024, 9, 10), date_style="cn", party_style="names",
    delivery_date=D(2024, 10, 20), delivery_place="江州市图书馆二楼阅览室",
    schedule=[ACC30(100)], bond=None, warranty=(24, "months"),
    ld=("万分之五", M("0.0005")), dispute=("lit", "江州市红谷滩区人民法院"), law=None)

add(id="c26", fmt="docx", tpl="goods", cat="goods", title="电梯设备采购及安装合同", no="QXYY-2024-DT-01", p="qxhosp", s="dl",
    project="青溪区人民医院住院楼电梯更新项目", subject="乙方供应并安装医用电梯，明细如下：",
    items=[("医用病床电梯", "1600kg 1.75m/s", 4, M("386000"))],
    amount=M("1544000"), amount_style="cap_fig", tax=13, sign=None, date_style="cn",
    delivery_date=D(2024, 11, 30), delivery_place="青溪区人民医院住院楼",
    schedule=[S10W(30), I(40, "电梯设备到货后15个工作日内", "delivery", 15, True, name="到货款"), ACC30(25), WEND(5)],
    bond=("pct", 5), warranty=(24, "months"), retention=(5, None, "warranty"),
    ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律")

add(id="c27", fmt="pdf", tpl="goods", cat="goods", title="环境监测设备采购合同", no="JZHB-2024-017", p="amr", s="lt",
    project="江州市空气质量自动监测站设备采购项目", subject="乙方供应空气质量监测设备，明细如下：",
    items=[("六参数空气质量监测仪", "LT-AQM6", 5, M("268000"))],
    amount=M("1340000"), amount_style="wan_cap", tax=13, sign=D(2024, 10, 8), date_style="slash",
    delivery_date=D(2024, 12, 15), delivery_place="江州市5个国控监测站点",
    schedule=[S10W(20), ACC15W(70), WEND(10)], bond=("pct", 5), warranty=(36, "months"), retention=(10, 36, "period"),
    ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律",
    words="壹佰叁拾肆万伍仟元整")

# ------------------------------------------------------------------ short numbered service agreements
add(id="c28", fmt="txt", tpl="svc", cat="services", title="物业管理服务协议", no="JZTSG-WY-2024-01", p="lib", s="ly",
    project="江州市图书馆物业管理服务", subject="保洁、秩序维护、设施设备运行维护及绿化养护。",
    amount=M("864000"), amount_style="fig", tax=6, tax_style=2, sign=D(2024, 2, 28), date_style="cn",
    term=("year_from", D(2024, 3, 1)), amount_lead="物业服务费总额",
    schedule=[I(None, "", "period", None, None, amt=M("72000"), text="物业服务费按月支付，每月10日前甲方向乙方支付上月物业服务费人民币72,000.00元；")],
    bond=None, ld=None, dispute=("lit", "江州市红谷滩区人民法院"), law=None)

add(id="c29", fmt="docx", tpl="svc", cat="services", title="信息系统运维服务协议", no="SJJ-YW-2024-007", p="data", s="yt",
    project="江州市政务数据共享交换平台运维服务", subject="平台日常巡检、故障处理、数据接口维护及安全加固。",
    amount=M("680000"), amount_style="cap_fig", tax=6, sign=D(2024, 3, 15), date_style="cn",
    term=("range", D(2024, 4, 1), D(2025, 3, 31)),
    schedule=[I(50, "合同签订后15个工作日内", "signing", 15, True), I(50, "服务期满考核合格后15个工作日内", "acceptance", 15, True)],
    bond=("pct", 5), ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律")

add(id="c30", fmt="txt", tpl="svc", cat="services", title="保洁服务协议", no="QXRM-BJ-2024-02", p="qxhosp", s="wj",
    project="青溪区人民医院保洁服务", subject="门诊楼、住院楼及院区公共区域的日常保洁及医疗废物院内转运。",
    amount=M("1296000"), amount_style="wan_cap", tax=6, sign=D(2024, 6, 20), date_style="iso",
    term=("range", D(2024, 7, 1), D(2026, 6, 30)),
    schedule=[I(None, "", "period", 15, False, amt=M("54000"), text="服务费按月结算，甲方在收到乙方发票后15日内支付当月服务费人民币54,000元；")],
    bond=("amount", M("30000")), ld=None, dispute=("lit", "青溪区人民法院"), law="中华人民共和国法律")

add(id="c31", fmt="gb18030", tpl="svc", cat="services", title="法律顾问服务协议", no="JZMZ-FW-2024-05", p="mz", s="ty",
    project="常年法律顾问服务", subject="提供法律咨询、合同审查、参与重大决策论证及代理诉讼。",
    amount=M("120000"), amount_style="fig_cap", tax=6, sign=D(2024, 1, 5), date_style="cn",
    term=("months_from_sign", 12), amount_lead="法律顾问费",
    schedule=[I(50, "合同签订后10日内", "signing", 10, False), I(50, "服务期满后10日内", "period", 10, False,
                text="服务满6个月后10日内，甲方支付法律顾问费的50%；")],
    bond=None, ld=None, dispute=("arb", "江州仲裁委员会"), law=None, party_style="sig")

add(id="c32", fmt="docx", tpl="svc", cat="services", title="车辆租赁服务协议", no="CDC-ZL-2024-03", p="cdc", s="hyqc",
    project="应急车辆租赁服务", subject="提供7座商务车3辆（含驾驶员），用于应急处置和现场流调。",
    amount=M("396000"), amount_style="fig_cap", tax=9, sign=D(2024, 4, 26), date_style="cn",
    term=("range", D(2024, 5, 1), D(2025, 4, 30)),
    schedule=[I(25, "每季度结束后10个工作日内", "period", 10, True, text="租赁费按季度支付，每季度结束后10个工作日内甲方支付合同总价的25%；")],
    bond=None, ld=("千分之一", M("0.001")), dispute=("lit", "甲方所在地人民法院"), law="中华人民共和国法律")

add(id="c33", fmt="png", tpl="svc", cat="services", title="绿化养护服务协议", no="CGJ-LH-2024-11", p="cgj", s="xc",
    project="滨江路绿化带养护服务", subject="滨江路沿线绿化带的修剪、浇灌、施肥、病虫害防治。",
    amount=M("528000"), amount_style="fig_cap", tax=6, sign=D(2024, 3, 28), date_style="cn", party_style="names",
    term=("range", D(2024, 4, 1), D(2025, 3, 31)),
    schedule=[I(None, "", "period", 15, True, amt=M("132000"), text="养护费按季度支付，每季度考核合格后15个工作日内支付人民币132,000元；")],
    bond=None, ld=None, dispute=("lit", "江州市红谷滩区人民法院"), law=None)

add(id="c34", fmt="txt", tpl="svc", cat="services", title="食堂托管服务协议", no="JZZY-ST-2024-01", p="college", s="kd",
    project="学生食堂托管服务", subject="第二学生食堂的原材料采购、加工制作、售卖及卫生管理。",
    amount=M("360000"), amount_style="fig_cap", tax=6, sign=D(2024, 8, 20), date_style="pad",
    term=("range", D(2024, 9, 1), D(2025, 8, 31)), amount_lead="管理服务费",
    schedule=[I(50, "合同签订后30日内", "signing", 30, False), I(50, "服务期满经考核合格后30日内", "acceptance", 30, False)],
    bond=("amount", M("20000")), ld=None, dispute=("arb", None), law="中华人民共和国法律", law_style=2)

add(id="c35", fmt="scan", tpl="svc", cat="services", title="档案数字化服务协议", no="ZRZY-DA-2024-06", p="nrb", s="hx",
    project="不动产登记档案数字化加工服务", subject="不动产登记档案约120万页的整理、扫描、图像处理及数据挂接。",
    amount=M("840000"), amount_style="fig_cap", tax=6, sign=D(2024, 5, 15), date_style="cn", party_style="names",
    term=("range", D(2024, 6, 1), D(2024, 12, 31)),
    schedule=[I(30, "合同签订后10个工作日内", "signing", 10, True), I(70, "项目验收合格后20个工作日内", "acceptance", 20, True)],
    bond=None, ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("lit", "江州市红谷滩区人民法院"), law=None)

# ------------------------------------------------------------------ consultancy / design (一、二、三、)
add(id="c36", fmt="docx", tpl="consult", cat="services", title="工程造价咨询服务合同", no="QXZJ-ZX-2024-09", p="qxzj", s="qm",
    project="青溪区2024年度政府投资项目全过程造价咨询", subject="编制及审核工程量清单、招标控制价，进行施工阶段造价控制及结算审核。",
    amount=M("1580000"), amount_style="cap_fig", tax=6, sign=D(2024, 3, 4), date_style="cn",
    term=("range", D(2024, 3, 4), D(2025, 3, 3)), amount_lead="咨询服务费",
    schedule=[I(30, "合同签订后15日内", "signing", 15, False), I(40, "完成全部项目招标控制价审核后15日内", "other", 15, False),
              I(30, "全部结算审核完成并经甲方确认后15日内", "acceptance", 15, False)],
    bond=None, ld=None, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律")

add(id="c37", fmt="txt", tpl="consult", cat="services", title="建设工程设计合同", no="JY-SJ-2024-004", p="edu", s="hy",
    project="江州市第二十八中学新建校区建筑设计", subject="方案设计、初步设计、施工图设计及施工配合。",
    amount=M("2960000"), amount_style="wan_cap", tax=6, sign=D(2024, 2, 1), date_style="cnz",
    term=("months_from_sign", 10), amount_lead="设计费",
    sched_style="table",
    schedule=[I(20, "合同签订后7日内", "signing", 7, False, name="定金"), I(30, "方案设计经甲方验收确认后15日内", "acceptance", 15, False, name="方案设计费"),
              I(30, "施工图审查合格后15日内", "other", 15, False, name="施工图设计费"), I(20, "工程竣工验收合格后30日内", "acceptance", 30, False, name="施工配合费")],
    bond=("pct", 5), ld=("千分之二", M("0.002")), ld_cap=10, dispute=("lit", "江州市青溪区人民法院"), law="中华人民共和国法律")

add(id="c38", fmt="gb18030", tpl="consult", cat="services", title="规划编制技术服务合同", no="ZRZY-GH-2024-02", p="nrb", s="qm",
    project="江州市国土空间总体规划（2021—2035年）专题研究", subject="完成城市发展定位、人口规模预测、生态保护格局三项专题研究报告。",
    amount=M("1250000"), amount_style="fig_cap", tax=6, sign=D(2024, 3, 18), date_style="cn",
    term=("range", D(2024, 3, 18), D(2024, 12, 31)),
    schedule=[I(30, "合同签订后10个工作日内", "signing", 10, True), I(40, "中期成果通过专家评审验收后10个工作日内", "acceptance", 10, True),
              I(30, "最终成果验收合格后10个工作日内", "acceptance", 10, True)],
    bond=None, ld=("千分之一", M("0.001")), dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律", law_style=1)

add(id="c39", fmt="pdf", tpl="consult", cat="services", title="绩效评价服务合同", no="CZJ-JX-2024-15", p="fin", s="zh",
    project="2023年度重点项目财政支出绩效评价", subject="对15个重点项目开展财政支出绩效评价并出具评价报告。",
    amount=M("385000"), amount_style="fig_cap", tax=6, tax_style=1, sign=D(2024, 4, 2), date_style="cn",
    term=("range", D(2024, 4, 8), D(2024, 8, 31)), amount_lead="服务费",
    schedule=[I(40, "合同签订后10个工作日内", "signing", 10, True), I(60, "评价报告验收合格后10个工作日内", "acceptance", 10, True)],
    bond=None, ld=("千分之一", M("0.001")), ld_cap=10, dispute=("lit", "江州市红谷滩区人民法院"), law="中华人民共和国法律")

add(id="c40", fmt="docx", tpl="consult", cat="services", title="监理服务合同", no="QXJT-JL-2024-02", p="qxjt", s="qm",
    project="青溪区G320沿线乡村道路提升工程施工监理", subject="施工阶段及缺陷责任期的质量、进度、造价控制及安全监督管理。",
    amount=M("702600"), amount_style="cap_fig", tax=6, sign=D(2024, 6, 10), date_style="cn", effect="after_bond",
    term=("range", D(2024, 6, 15), D(2025, 3, 31)), amount_lead="监理服务费",
    schedule=[I(20, "合同签订后15日内", "signing", 15, False), I(60, "", "period", None, None, text="施工期间按工程进度按季度支付，累计支付至监理服务费的80%；"),
              I(20, "工程竣工验收合格后30日内", "acceptance", 30, False)],
    bond=("pct", 5), ld=None, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律")

# ------------------------------------------------------------------ held out: scored only at the end (heldout/)
HELDOUT = ["h01", "h02", "h03", "h04", "h05", "h06"]

add(id="h01", fmt="docx", tpl="gp", cat="goods", title="江州市政府采购合同（货物类）", no="JZCG-2024-1102", p="college", s="bs",
    project="江州职业技术学院实训室设备采购项目", plan="JZCG2024-H-0933",
    subject="乙方向甲方提供工业机器人实训平台8套及配套软件。",
    amount=M("1896000"), amount_style="fig_cap", tax=13, sign=D(2024, 11, 2), date_style="cn",
    delivery_date=D(2024, 12, 31), delivery_place="江州职业技术学院智能制造实训中心",
    schedule=[S10W(30), ACC15W(65), WEND(5)], bond=("pct", 5), warranty=(36, "months"), retention=(5, None, "warranty"),
    ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律")

add(id="h02", fmt="txt", tpl="gf", cat="works", title="建设工程施工合同", no="JZTSG-GC-2024-01", p="lib", s="yj",
    project="江州市图书馆屋面及外墙维修工程", site="江州市红谷滩区赣江中大道1号",
    subject="屋面防水翻修、外墙涂料及幕墙打胶。",
    amount=M("2386000"), amount_style="cap_fig", tax=9, sign=D(2024, 9, 12), date_style="cn",
    term=("gf", D(2024, 9, 20), D(2024, 12, 18)),
    schedule=[I(30, "", "signing", 14, False, text="合同签订后14日内支付签约合同价的30%作为预付款；"),
              I(67, "", "acceptance", 28, False, text="竣工验收合格后28日内支付至结算价的97%；"),
              I(3, "", "warranty_end", None, None, text="剩余3%作为质量保证金，缺陷责任期满后返还。")],
    bond=("pct", 5), defect_months=24, retention=(3, None, "defect"), warranty=(24, "gf"),
    ld=("万分之五", M("0.0005")), ld_cap=10, dispute=("lit", "工程所在地人民法院"), law="中华人民共和国法律")

add(id="h03", fmt="docx", tpl="svc", cat="services", title="安保服务协议", no="JZZY-BA-2024-03", p="college", s="ba",
    project="校园安保服务", subject="校门值守、校园巡逻、监控值班及大型活动安保。",
    amount=M("1152000"), amount_style="fig_cap", tax=6, sign=D(2024, 8, 25), date_style="dot",
    term=("range", D(2024, 9, 1), D(2025, 8, 31)),
    schedule=[I(None, "", "period", 10, True, amt=M("96000"), text="服务费按月支付，甲方在收到发票后10个工作日内支付当月服务费人民币96,000.00元；")],
    bond=("pct", 2), ld=None, dispute=("lit", "江州市经开区人民法院"), law="中华人民共和国法律")

add(id="h04", fmt="gb18030", tpl="goods", cat="goods", title="货物采购合同", no="MZ-HW-2024-08", p="mz", s="cg",
    project="江州市救助管理站生活物资采购项目", subject="乙方供应以下物资：",
    items=[("棉被", "2.0×2.3m", 500, M("260")), ("床上四件套", "纯棉", 500, M("188"))],
    amount=M("224000"), amount_style="cap_fig", sign=D(2024, 10, 15), date_style="cnz",
    delivery_date=D(2024, 11, 10), delivery_place="江州市救助管理站",
    schedule=[ACC30(100)], bond=None, warranty=None, ld=("千分之一", M("0.001")), ld_cap=10, dispute=("lit", "甲方所在地人民法院"), law=None)

add(id="h05", fmt="pdf", tpl="consult", cat="services", title="课题研究服务合同", no="WJW-KT-2024-03", p="health", s="zh",
    project="江州市基层医疗卫生机构运行效率研究", subject="开展调研并形成研究报告及政策建议。",
    amount=M("268000"), amount_style="fig_cap", tax=6, sign=D(2024, 7, 22), date_style="iso",
    term=("range", D(2024, 8, 1), D(2024, 12, 31)), amount_lead="研究经费",
    schedule=[I(40, "合同签订后15日内", "signing", 15, False), I(60, "研究报告通过验收后15日内", "acceptance", 15, False)],
    bond=None, ld=None, dispute=("arb", "江州仲裁委员会"), law="中华人民共和国法律")

add(id="h06", fmt="png", tpl="svc", cat="services", title="会议服务协议", no="GOV-HY-2024-12", p="gov", s="kd",
    project="2024年度全市工作会议会务服务", subject="会场布置、餐饮、住宿及车辆保障。",
    amount=M("186000"), amount_style="fig_cap", tax=6, sign=D(2024, 12, 2), date_style="cn", party_style="names",
    term=("range", D(2024, 12, 10), D(2024, 12, 12)),
    schedule=[I(100, "会议结束并经甲方确认后15个工作日内", "acceptance", 15, True, text="会议结束并经甲方确认后15个工作日内，甲方一次性支付合同总价的100%；")],
    bond=None, ld=None, dispute=("lit", "甲方所在地人民法院"), law=None)


# ------------------------------------------------------------------ truth

PARTY_TRUTH_KEYS = [("name", "name"), ("uscc", "uscc"), ("legalRepresentative", "rep"), ("address", "addr"),
                    ("contactName", "contact"), ("contactPhone", "phone"), ("contactEmail", "email")]


def party_truth(c, who):
    p = c[who]
    hide = c.get("hide", {}).get(who, set())
    style = c.get("party_style", "header")
    out = {}
    for key, src in PARTY_TRUTH_KEYS:
        if key == "name":
            out[key] = p["name"]
        elif c["tpl"] == "gf":
            out[key] = p[src] if src in ("uscc", "addr", "phone") and src not in hide else None
        elif style == "names" or src in hide:
            out[key] = None
        else:
            out[key] = p[src]
    return out


def term_dates(c):
    t = c.get("term")
    if t is None:
        return None, None
    k = t[0]
    if k in ("range", "labels", "gf"):
        return t[1], t[2]
    if k == "year_from":
        return t[1], end_of_term(t[1], 12)
    if k == "months_from_sign":
        return (c["sign"], end_of_term(c["sign"], t[1])) if c["sign"] else (None, None)
    raise ValueError(k)


def truth(c):
    a = c["amount"]
    shows_words = c["amount_style"] in ("fig_cap", "cap_fig", "wan_cap", "yen") or (c["tpl"] == "gf" and c["amount_style"] != "wan")
    words = (c.get("words") or capitals(a)) if shows_words else None
    sign = c["sign"]
    eff = {"on_sign": sign, "date": c.get("eff")}.get(c.get("effect", "on_sign"))
    start, end = term_dates(c)
    sched = []
    for i, it in enumerate(c["schedule"], 1):
        amount = it["amt_shown"] if it["amt_shown"] is not None else (a * M(it["pct"]) / 100 if it["pct"] is not None else None)
        sched.append(dict(sequence=i, percent=num(it["pct"]), amount=money(amount), trigger=it["trigger"],
                          daysAfterTrigger=it["days"], workingDays=it["working"], dueDate=iso(it["due"])))
    bond = c.get("bond")
    ret = c.get("retention")
    warranty = c["warranty"][0] if c.get("warranty") else (c.get("defect_months") if c["tpl"] == "gf" else None)
    ret_months = None
    if ret:
        ret_months = {"period": ret[1], "warranty": c["warranty"][0] if c.get("warranty") else None,
                      "defect": c.get("defect_months")}[ret[2]]
    ld = c.get("ld")
    kind, venue = c["dispute"]
    P, S = party_truth(c, "P"), party_truth(c, "S")
    pcts = [it["pct"] for it in c["schedule"]]
    recurring = len(c["schedule"]) == 1 and c["schedule"][0]["trigger"] == "period"  # one sentence for every period
    amounts = [s["amount"] for s in sched]
    dates = [d for d in [sign, eff, start, end] if d is not None]
    pairs = []
    if sign and eff: pairs.append(sign <= eff)
    if start and end: pairs.append(start <= end)
    if sign and end: pairs.append(sign <= end)
    if eff and end: pairs.append(eff <= end)
    if sign and c.get("delivery_date"): pairs.append(sign <= c["delivery_date"])
    t = {
        "title": c["title"], "contractNumber": c["no"], "category": c["cat"],
        "purchaser": P, "supplier": S,
        "amountTotal": money(a), "amountInWords": words, "taxRate": num(M(c["tax"]) / 100) if c.get("tax") is not None else None,
        "signDate": iso(sign), "effectiveDate": iso(eff), "startDate": iso(start), "endDate": iso(end),
        "paymentSchedule": sched,
        "performanceBondPercent": num(bond[1]) if bond and bond[0] == "pct" else None,
        "performanceBondAmount": money(bond[1]) if bond and bond[0] == "amount" else None,
        "retentionPercent": num(ret[0]) if ret else None,
        "warrantyMonths": warranty,
        "liquidatedDamagesRatePerDay": num(ld[1]) if ld else None,
        "disputeResolution": {"arb": "arbitration", "lit": "litigation"}.get(kind),
        "disputeVenue": venue,
        "deliveryDate": iso(c.get("delivery_date")),
        "deliveryPlace": c.get("delivery_place"),
        "retentionMonths": ret_months,
        "liquidatedDamagesCapPercent": num(c["ld_cap"]) if ld and c.get("ld_cap") is not None else None,
        "governingLaw": c.get("law"),
        "consistency": {
            "amountInWordsMatchesFigures": (capitals(a) == words) if words and c["amount_style"] not in ("wan",) else None,
            "installmentPercentSum": num(sum(M(p) for p in pcts)) if pcts and all(p is not None for p in pcts) else None,
            "installmentAmountSum": money(sum(M(str(x)) for x in amounts)) if amounts and all(x is not None for x in amounts) else None,
            "installmentsMatchTotal": (abs(sum(M(str(x)) for x in amounts) - a) <= M("0.01") * len(amounts))
            if amounts and all(x is not None for x in amounts) and not recurring else None,
            "datesInOrder": all(pairs) if pairs else None,
            "purchaserNamedConsistently": c.get("P_sig_name", P["name"]) == P["name"] if c.get("party_style", "header") != "sig" else True,
            "supplierNamedConsistently": c.get("S_sig_name", S["name"]) == S["name"] if c.get("party_style", "header") != "sig" else True,
            "purchaserUsccValid": uscc_valid(P["uscc"]),
            "supplierUsccValid": uscc_valid(S["uscc"]),
        },
    }
    return t


def main():
    src = os.path.join(ROOT, "source")
    os.makedirs(src, exist_ok=True)
    os.makedirs(os.path.join(ROOT, "truth"), exist_ok=True)
    manifest = []
    for c in C:
        lines = TEMPLATES[c["tpl"]](c)
        text = "\n".join(lines).rstrip() + "\n"
        with open(os.path.join(src, c["id"] + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(ROOT, "truth", c["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(truth(c), f, ensure_ascii=False, indent=1)
            f.write("\n")
        manifest.append(f"{c['id']}\t{c['fmt']}\t{'heldout' if c['id'] in HELDOUT else 'main'}")
    # Contracts written by hand as whole texts, with their truth written by hand (handwritten/<id>.txt, <id>.json).
    with open(os.path.join(ROOT, "handwritten.tsv"), encoding="utf-8") as f:
        for row in f:
            cid, fmt, subset = row.rstrip("\n").split("\t")
            with open(os.path.join(ROOT, "handwritten", cid + ".txt"), encoding="utf-8") as t:
                text = t.read()
            with open(os.path.join(src, cid + ".txt"), "w", encoding="utf-8") as t:
                t.write(text)
            with open(os.path.join(ROOT, "handwritten", cid + ".json"), encoding="utf-8") as t:
                truth_obj = json.load(t)
            with open(os.path.join(ROOT, "truth", cid + ".json"), "w", encoding="utf-8") as t:
                json.dump(truth_obj, t, ensure_ascii=False, indent=1)
                t.write("\n")
            manifest.append(f"{cid}\t{fmt}\t{subset}")
    with open(os.path.join(ROOT, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("id\tformat\tset\n" + "\n".join(manifest) + "\n")
    print(f"{len(manifest)} contracts")


if __name__ == "__main__":
    main()
