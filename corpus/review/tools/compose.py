"""Writes the labelled review corpus (corpus/review/documents/ and corpus/review/truth/) from the three clean model
contracts in tools/templates/ and the defect catalogue below.

Every contract is one of the clean models (a goods purchase, a works contract, a property-management service) with
new parties, contract number and sign date, and with the planted defects of its line in PLAN. A defect is a reviewer's
finding written into the text: a clause replaced by a defective one (the truth quotes the defective words, which
occur once in the contract) or a clause taken out (the truth names the absent clause type). The truth is written from
the catalogue, never from the reviewer's output.

Run: python3 corpus/review/tools/compose.py   (python3 only; the .docx writer is the extraction corpus's)"""
import importlib.util
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))

_spec = importlib.util.spec_from_file_location("render", os.path.join(ROOT, "..", "extraction", "tools", "render.py"))
render = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(render)

# ---------------------------------------------------------------- GB 32100 check character
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(body17):
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(body17, _USCC_WEIGHTS))
    return body17 + _USCC_CHARS[(31 - total % 31) % 31]


def wrong_uscc(body17):
    good = uscc(body17)
    other = _USCC_CHARS[(_USCC_CHARS.index(good[-1]) + 7) % 31]
    return body17 + other


SUPPLIERS = {
    "goods": ["江州华信教育装备有限公司", "江州博远科技有限公司", "江州金桥办公设备有限公司", "江州瑞丰医疗器械有限公司",
              "江州新航信息技术有限公司", "江州永安消防器材有限公司"],
    "works": ["江州建工集团有限公司", "江州通达路桥建设有限公司", "江州宏图建筑工程有限公司", "江州城建市政工程有限公司",
              "江州鸿基园林建设有限公司", "江州昌盛水利建设有限公司"],
    "services": ["江州恒安物业服务有限公司", "江州洁美环境服务有限公司", "江州安居物业管理有限公司", "江州鑫诚后勤服务有限公司",
                 "江州绿源物业服务有限公司", "江州和顺保安服务有限公司"],
}
REPS = ["陈志强", "赵建军", "彭晓东", "刘海波", "许文斌", "邹国华", "罗建明", "胡永胜"]
PURCHASER_REPS = {"goods": "王建国", "works": "李文华", "services": "钟伟"}
PREFIX = {"goods": "JZCG-2025-HW-", "works": "JZJS-2025-SG-", "services": "JZCG-2025-FW-"}
PURCHASER_USCC = {"goods": "12360199MB1234567", "works": "11360199MB0038125", "services": "11360199MB0042719"}

# ---------------------------------------------------------------- the defect catalogue
# kind: replace (old -> new, the truth quotes `quote`, a part of `new`), remove (a whole 第X条 clause by its heading;
# the truth names `clauseType`). `group` is the reviewer's group; `rule` the rule a reviewer would expect to flag it
# (optional: the score matches by group and location, not by rule).
D = {}


def replace(key, kinds, group, old, new, quote, rule=None, note="", also=(), also_missing=()):
    D[key] = dict(kind="replace", kinds=kinds, group=group, old=old, new=new, quote=quote, rule=rule, note=note,
                  also=list(also), also_missing=list(also_missing))


def remove(key, kinds, heading, clause_type, rule=None, note="", also=()):
    D[key] = dict(kind="remove", kinds=kinds, group="missing", heading=heading, clauseType=clause_type, rule=rule,
                  note=note, also=list(also))


G, W, S = "goods", "works", "services"

# compliance: breaks a law or a regulation
replace("bond15", [G], "compliance", "提交合同总价5%的履约保证金", "提交合同总价15%的履约保证金",
        "合同总价15%的履约保证金", "CMP-BOND-001", "政府采购法实施条例 第四十八条: at most 10% of the amount")
replace("bond12", [S], "compliance", "提交合同总价5%的履约保证金", "提交合同总价12%的履约保证金",
        "合同总价12%的履约保证金", "CMP-BOND-001", "政府采购法实施条例 第四十八条: at most 10% of the amount")
replace("bondcash", [S], "compliance", "以银行保函形式提交", "须以现金形式缴纳至甲方账户",
        "须以现金形式缴纳", "CMP-BOND-002", "政府采购法实施条例 第四十八条: the supplier may give a bond in non-cash form;"
        " the bond clause then offers no non-cash form (missing content)", also_missing=["performance_bond"])
replace("bondcash2", [G], "compliance", "以银行保函形式提交", "以现金形式缴纳至甲方账户",
        "以现金形式缴纳至甲方账户", "CMP-BOND-002", "政府采购法实施条例 第四十八条: the supplier may give a bond in non-cash form")
replace("retention5", [W], "compliance", "4. 结算价的3%作为质量保证金", "4. 结算价的5%作为质量保证金",
        "结算价的5%作为质量保证金", "CMP-WORKS-001", "建设工程质量保证金管理办法 第七条: at most 3%")
replace("dlp36", [W], "compliance", "缺陷责任期为24个月", "缺陷责任期为36个月",
        "缺陷责任期为36个月", None, "建设工程质量保证金管理办法 第二条: at most 24 months")
replace("refundlate", [W], "compliance", "缺陷责任期满后14日内无息返还", "缺陷责任期满后6个月内无息返还",
        "缺陷责任期满后6个月内无息返还", None, "建设工程质量保证金管理办法 第十一条: 14 days after the request")
replace("smepay", [G], "compliance", "甲方收到乙方发票后15日内支付合同总价的70%", "甲方收到乙方发票后90日内支付合同总价的70%",
        "收到乙方发票后90日内支付", "CMP-SME-001", "保障中小企业款项支付条例 第九条: within 30 days of acceptance")
replace("addition", [G], "compliance", "合同的变更须经双方协商一致并签订书面补充协议，",
        "甲方需追加与合同标的相同的货物的，可以与乙方协商签订补充合同，追加金额不超过原合同金额的30%；合同的变更须经双方协商一致并签订书面补充协议，",
        "追加金额不超过原合同金额的30%", "CMP-PROC-004", "政府采购法 第四十九条: at most 10%")
replace("foreman", [W], "compliance", "分包单位的农民工工资由乙方（施工总承包单位）代发。", "农民工工资由班组长统一代发。",
        "农民工工资由班组长统一代发", None, "保障农民工工资支付条例 第三十一条: paid to the worker, by the general contractor")
replace("quarterly", [W], "compliance", "甲方按月将人工费用拨付至农民工工资专用账户。", "人工费用由甲方按季度拨付至农民工工资专用账户。",
        "人工费用由甲方按季度拨付", None, "保障农民工工资支付条例 第三十一条: labour costs transferred monthly")
replace("prepay60", [W], "compliance", "甲方支付签约合同价的20%作为预付款", "甲方支付签约合同价的60%作为预付款",
        "签约合同价的60%作为预付款", "CMP-WORKS-009", "建设工程价款结算暂行办法 第十二条: 10%–30%; also 60% of public money paid on signing",
        also=["severe"])
replace("selfaccept", [G], "compliance", "甲方在5个工作日内依据合同约定的技术标准和验收标准组织验收，出具验收报告。",
        "货物安装完成后由乙方自行验收，出具验收报告并报甲方备案。", "由乙方自行验收", None,
        "政府采购法 第四十一条: the purchaser organises the acceptance")
replace("fundsdate", [S], "compliance", "在收到乙方发票后15日内支付当季服务费人民币叁拾陆万元整", "付款时间由甲方根据资金情况确定",
        "付款时间由甲方根据资金情况确定", None, "保障中小企业款项支付条例 第八条、第九条: a payment term must be stated")

# severe: one-sided against the purchaser or public funds
replace("accept1day", [G], "severe", "货物到达后，双方共同开箱",
        "货物到达后1日内甲方未提出书面异议的，视为验收合格。货物到达后，双方共同开箱",
        "货物到达后1日内甲方未提出书面异议的，视为验收合格", "SEV-ONE-007", "acceptance deemed after a day of silence")
replace("capmonth", [S], "severe", "3. 乙方人员造成甲方财产损失的，乙方应予赔偿。", "3. 乙方的赔偿责任以当月服务费为限。",
        "乙方的赔偿责任以当月服务费为限", None, "trivial liability cap for the supplier")
replace("cappaid", [G], "severe", "3. 乙方交付的货物不符合合同约定的，应负责更换并赔偿甲方因此遭受的损失。",
        "3. 乙方交付的货物不符合合同约定的，应负责更换；乙方的赔偿责任不超过甲方已付的款项。",
        "乙方的赔偿责任不超过甲方已付的款项", "SEV-BAL-005", "liability capped at what has been paid")
replace("waive", [G, S, W], "severe", "违约责任\n", "违约责任\n甲方放弃因乙方违约而向乙方主张赔偿的权利。\n",
        "甲方放弃因乙方违约而向乙方主张赔偿的权利", "SEV-ONE-001", "purchaser waives claims")
replace("renew", [S], "severe", "服务期限自2025年4月1日至2026年3月31日。",
        "服务期限自2025年4月1日至2026年3月31日。期满前一个月内双方均未提出书面异议的，本合同自动续期一年，续期的服务费按原标准执行。",
        "本合同自动续期一年", "SEV-ONE-004", "automatic renewal of a public contract")
replace("pricechange", [G], "severe", "合同履行期间不作调整。", "乙方有权根据市场行情单方调整合同价格并书面通知甲方。",
        "乙方有权根据市场行情单方调整合同价格", "SEV-ONE-005", "unilateral price change; also a price that follows 'the market' with no formula",
        also=["general"])
replace("pricechanges", [S], "severe", "服务期内不作调整。", "服务期内乙方有权单方调整服务价格。",
        "乙方有权单方调整服务价格", "SEV-ONE-005", "unilateral price change")
replace("venue", [G, S], "severe", "向甲方所在地人民法院提起诉讼", "向乙方所在地人民法院提起诉讼",
        "向乙方所在地人民法院提起诉讼", "SEV-ONE-009", "venue at the supplier's seat")
replace("subcon", [W], "severe", "主体结构不得分包；专业工程分包须经甲方书面同意，",
        "乙方可以自行将主体结构施工分包给其他单位，无需征得甲方同意；",
        "乙方可以自行将主体结构施工分包给其他单位，无需征得甲方同意", "SEV-ONE-008",
        "subcontracting the main work without consent; also 建筑法 第二十九条 (the main structure is done by the contractor)",
        also=["compliance"])
replace("subcons", [S], "severe", "未经甲方书面同意不得分包。", "乙方可以将全部服务分包给第三方，无需征得甲方同意。",
        "乙方可以将全部服务分包给第三方，无需征得甲方同意", "SEV-ONE-008",
        "subcontracting the whole service without consent; also 政府采购法 第四十八条 (subcontracting needs the purchaser's consent)",
        also=["compliance"])
replace("prepay50", [G], "severe", "1. 合同签订后，乙方提交同等金额的银行预付款保函，甲方收到保函后10日内支付合同总价的30%作为预付款；\n2. 货物交付并经甲方验收合格后，甲方收到乙方发票后15日内支付合同总价的70%。",
        "1. 合同签订后10日内，甲方支付合同总价的50%作为预付款；\n2. 货物交付并经甲方验收合格后，甲方收到乙方发票后15日内支付合同总价的50%。",
        "支付合同总价的50%作为预付款", "SEV-FUND-002", "half the price paid on signing, without a guarantee")
replace("prepaynoguar", [G], "severe", "1. 合同签订后，乙方提交同等金额的银行预付款保函，甲方收到保函后10日内支付合同总价的30%作为预付款；",
        "1. 合同签订后10日内，甲方支付合同总价的30%作为预付款；", "支付合同总价的30%作为预付款", "SEV-ONE-003",
        "a 30% prepayment without a prepayment guarantee (the performance bond is a 保函, which does not secure the prepayment)")
replace("suspend", [S], "severe", "2. 甲方无正当理由逾期付款的，", "2. 甲方逾期付款的，乙方有权暂停服务；甲方无正当理由逾期付款的，",
        "乙方有权暂停服务", "SEV-FUND-003", "the supplier may stop a public service")
replace("unlimited", [G, S], "severe", "2. 甲方无正当理由逾期付款的，每逾期一日按逾期付款金额的万分之五向乙方支付违约金。",
        "2. 甲方逾期付款的，由甲方承担乙方的全部损失。",
        "由甲方承担乙方的全部损失", "SEV-ONE-002", "unlimited purchaser liability")

# general: vague, blank or inconsistent
replace("satisfy", [S], "general", "公共区域每日保洁不少于两次，秩序维护实行24小时值守。", "服务质量以甲方满意为准。",
        "以甲方满意为准", "GEN-VAGUE-001", "vague standard")
replace("custom", [G], "general", "质保期内乙方提供免费维修和上门服务，", "质保期内的免费维修服务按行业惯例办理，",
        "按行业惯例办理", None, "vague: trade custom")
replace("blankdate", [G], "general", "交货时间：合同签订之日起45日内。", "交货时间：____年__月__日前。",
        "____年__月__日", "GEN-BLANK-002", "blank delivery date")
replace("words", [G], "general", "人民币壹佰捌拾陆万肆仟元整（¥1,864,000.00）", "人民币壹佰陆拾捌万肆仟元整（¥1,864,000.00）",
        "壹佰陆拾捌万肆仟元整", "GEN-CONS-001", "capitals disagree with the figures")
replace("wordsw", [W], "general", "人民币叁佰贰拾万元整（¥3,200,000.00）", "人民币叁佰万元整（¥3,200,000.00）",
        "叁佰万元整", "GEN-CONS-001", "capitals disagree with the figures")
replace("sum90", [G], "general", "支付合同总价的70%。", "支付合同总价的60%。",
        "支付合同总价的60%", "GEN-CONS-002", "installments add up to 90%")
replace("uscc", [G, W, S], "general", "{USCC2}", "{USCC2BAD}", "{USCC2BAD}", "GEN-CONS-005", "invalid USCC check character")
replace("several", [G], "general", "学生平板电脑120台", "学生平板电脑若干台", "若干台", "GEN-VAGUE-002", "vague quantity")
replace("period", [W], "general", "计划竣工日期：2025年7月31日；", "计划竣工日期：2025年3月1日；",
        "2025年3月1日", "GEN-CONS-004", "completion before commencement")

# missing: a clause the contract needs is absent
remove("nodispute", [G, W, S], "争议解决", "dispute")
remove("nointegrity", [G, W, S], "廉", "integrity")
remove("noforce", [G, W, S], "不可抗力", "force_majeure")
remove("notermination", [G, W, S], "合同解除", "termination")
remove("noinvoice", [W], "发票", "invoice")
remove("nosafety", [W], "安全文明施工", "safety")
remove("nowages", [W], "农民工工资", "personnel", note="the migrant-wage clause (account, real names, monthly pay)", also=["payment"])
remove("noinsurance", [W], "保险", "insurance")
remove("nochange", [W], "工程变更", "change")
remove("nowarranty", [G], "质量保证与售后服务", "warranty", note="no warranty period, response time or free repair; the contract only mentions 原厂质保凭证")

# ---------------------------------------------------------------- the corpus: (id, model, format, defects)
def plan():
    """Every defect of the catalogue, for every model it fits, twice: once paired with a defect of another group in one
    contract (a contract a reviewer finds two things in), once alone; then four clean contracts per model. Every third
    contract is a .docx, the rest UTF-8 text."""
    rows = []
    for model in (G, W, S):
        keys = [k for k, d in D.items() if model in d["kinds"]]
        pending = list(keys)
        while pending:
            first = pending.pop(0)
            mate = next((k for k in pending if D[k]["group"] != D[first]["group"] and _fits(model, [first, k])), None)
            if mate is not None:
                pending.remove(mate)
                rows.append((model, [first, mate]))
            else:
                rows.append((model, [first]))
        rows.extend((model, [k]) for k in keys[1::2])
    rows.extend((model, []) for model in (G, W, S) for _ in range(4))
    return [(f"r{i:02d}", model, "docx" if i % 3 == 0 else "txt", defects) for i, (model, defects) in enumerate(rows, start=1)]


def _fits(model, defects):
    try:
        build("probe", model, defects, 1)
        return True
    except SystemExit:
        return False


def clause_blocks(text):
    """The 第X条 clauses: (start, end, heading) with end the start of the next clause or of the annexes/signatures."""
    starts = [m for m in re.finditer(r"^第[一二三四五六七八九十]+条 (\S+)$", text, flags=re.M)]
    tail = re.search(r"^(附件一|甲方（盖章）)", text, flags=re.M).start()
    out = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else tail
        out.append((m.start(), end, m.group(1)))
    return out


_CN = "零一二三四五六七八九十"


def _num(i):
    if i <= 10:
        return _CN[i] if i < 10 else "十"
    if i < 20:
        return "十" + _CN[i - 10]
    return _CN[i // 10] + "十" + (_CN[i % 10] if i % 10 else "")


def renumber(text):
    n = [0]

    def f(_):
        n[0] += 1
        return "第" + _num(n[0]) + "条 "
    return re.sub(r"^第[一二三四五六七八九十]+条 ", f, text, flags=re.M)


def build(doc_id, model, defects, seq):
    text = open(os.path.join(HERE, "templates", model + ".txt"), encoding="utf-8").read()
    body = f"91360199MA{seq:03d}{(seq * 7919) % 10000:04d}"[:17]
    values = {
        "SUPPLIER": SUPPLIERS[model][seq % len(SUPPLIERS[model])],
        "SUPPLIER_REP": REPS[seq % len(REPS)],
        "PURCHASER_REP": PURCHASER_REPS[model],
        "NO": PREFIX[model] + f"{100 + seq * 13:04d}",
        "USCC1": uscc(PURCHASER_USCC[model]),
        "USCC2": uscc(body),
        "USCC2BAD": wrong_uscc(body),
        "SIGN_DATE": f"2025年3月{10 + seq % 18}日",
    }
    labels = []
    for key in defects:
        d = D[key]
        if model not in d["kinds"]:
            raise SystemExit(f"{doc_id}: defect {key} does not fit a {model} contract")
        if d["kind"] == "replace":
            old = d["old"]
            if text.count(old) != 1:
                raise SystemExit(f"{doc_id}: defect {key}: the clean text '{old}' occurs {text.count(old)} times")
            text = text.replace(old, d["new"])
            labels.append(dict(defect=key, group=d["group"], ruleId=d["rule"], quote=d["quote"], note=d["note"]))
            for extra in d["also"]:
                labels.append(dict(defect=key, group=extra, ruleId=None, quote=d["quote"], note="the same words, also " + extra))
            for extra in d["also_missing"]:
                labels.append(dict(defect=key, group="missing", ruleId=None, clauseType=extra, note="follows from " + key))
        else:
            block = [b for b in clause_blocks(text) if b[2].startswith(d["heading"])]
            if len(block) != 1:
                raise SystemExit(f"{doc_id}: defect {key}: {len(block)} clauses headed {d['heading']}")
            s, e, _ = block[0]
            text = text[:s] + text[e:]
            labels.append(dict(defect=key, group="missing", ruleId=d["rule"], clauseType=d["clauseType"], note=d["note"]))
            for extra in d["also"]:
                labels.append(dict(defect=key, group="missing", ruleId=None, clauseType=extra, note="follows from " + key))
    text = renumber(text)
    for k, v in values.items():
        text = text.replace("{" + k + "}", v)
    for label in labels:
        if "quote" in label:
            for k, v in values.items():
                label["quote"] = label["quote"].replace("{" + k + "}", v)
            if text.count(label["quote"]) != 1:
                raise SystemExit(f"{doc_id}: the quote '{label['quote']}' occurs {text.count(label['quote'])} times")
    return text, labels


def main():
    PLAN = plan()
    if os.environ.get("EXPERIMENT"):
        PLAN.clear()
        PLAN.extend((f"x-{m}-{k}", m, "txt", [k]) for k, d in D.items() for m in d["kinds"])
        PLAN.extend((f"x-{m}-clean", m, "txt", []) for m in (G, W, S))
    docs = os.environ.get("DOCS") or os.path.join(ROOT, "documents")
    truth = os.environ.get("TRUTH") or os.path.join(ROOT, "truth")
    for folder in (docs, truth):
        os.makedirs(folder, exist_ok=True)
        for f in os.listdir(folder):
            os.remove(os.path.join(folder, f))
    manifest = ["id\tmodel\tformat\tdefects"]
    for seq, (doc_id, model, fmt, defects) in enumerate(PLAN, start=1):
        text, labels = build(doc_id, model, defects, seq)
        if fmt == "txt":
            with open(os.path.join(docs, doc_id + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
        elif fmt == "docx":
            render.docx(text.split("\n"), os.path.join(docs, doc_id + ".docx"))
        else:
            raise SystemExit(f"{doc_id}: unknown format {fmt}")
        with open(os.path.join(truth, doc_id + ".json"), "w", encoding="utf-8") as f:
            json.dump({"id": doc_id, "model": model, "clean": not labels, "defects": labels}, f, ensure_ascii=False, indent=1)
            f.write("\n")
        manifest.append(f"{doc_id}\t{model}\t{fmt}\t{','.join(defects) or '-'}")
    with open(os.path.join(os.path.dirname(docs), "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")
    print(f"{len(PLAN)} contracts, {sum(len(p[3]) for p in PLAN)} defects")


if __name__ == "__main__":
    main()
