"""Contract texts in five structures modelled on the national model texts: the 政府采购合同 (agreement + general +
special terms), the GF-2017-0201 construction contract, a goods purchase contract in 第X条, a short numbered service
agreement (1. 2. 3.), and a 一、二、三、 consultancy agreement. Each renders a specification (see compose.py) to lines."""
from decimal import Decimal
from contracts_lib import capitals, figures, wan, date_text

LABELS = {
    "uscc": ["统一社会信用代码", "统一社会信用代码", "社会信用代码"],
    "rep": ["法定代表人", "法定代表人", "法定代表人/负责人"],
    "addr": ["地址", "住所", "通讯地址"],
    "contact": ["联系人", "联系人", "联系人"],
    "phone": ["联系电话", "电话", "联系电话"],
    "email": ["电子邮箱", "邮箱", "E-mail"],
    "bank": ["开户银行", "开户行", "开户银行"],
    "account": ["账号", "银行账号", "账号"],
}


def party_lines(c, role_label, party, who):
    """The party block: a name line and its labelled fields. who is 'P' or 'S' (fields hidden via c['hide'])."""
    v = c.get("labels", 0)
    hide = c.get("hide", {}).get(who, set())
    lines = [f"{role_label}：{party['name']}"]
    for key in ["uscc", "rep", "addr", "contact", "phone", "email", "bank", "account"]:
        if key in hide:
            continue
        lines.append(f"{LABELS[key][v]}：{party[key]}")
    return lines


def amount_sentence(c, lead="合同总价"):
    a = c["amount"]
    cap = c.get("words") or capitals(a)
    st = c["amount_style"]
    if st == "fig_cap":
        s = f"{lead}：人民币{figures(a)}元（大写：{cap}）"
    elif st == "cap_fig":
        s = f"{lead}为人民币（大写）{cap}（¥{figures(a)}元）"
    elif st == "wan_cap":
        s = f"{lead}为人民币{wan(a)}万元（大写：{cap}）"
    elif st == "fig":
        s = f"{lead}为人民币{figures(a)}元"
    elif st == "wan":
        s = f"{lead}为人民币{wan(a)}万元"
    elif st == "yen":
        s = f"{lead}：¥{figures(a)}（大写：人民币{cap}）"
    else:
        raise ValueError(st)
    tax = c.get("tax")
    if tax is not None:
        s += ["，该价格为含税价，增值税税率为{r}%", "（含{r}%增值税）", "，含税，税率{r}%"][c.get("tax_style", 0)].format(r=tax)
    elif c.get("tax_incl"):
        s += "，为含税价"
    return s + "。"


def schedule_lines(c, prefix_style="cn"):
    """The payment schedule in prose (one item each), in a table, or in one sentence."""
    sched = c["schedule"]
    style = c.get("sched_style", "prose")
    out = []
    if style == "table":
        out.append("付款计划如下表：")
        out.append("期次\t款项\t支付比例\t支付金额（元）\t支付条件")
        for i, it in enumerate(sched, 1):
            pct = f"{it['pct']}%" if it.get("pct") is not None else "—"
            amt = figures(it["amt_shown"]) if it.get("amt_shown") is not None else figures(c["amount"] * Decimal(it["pct"]) / 100)
            out.append(f"{i}\t{it['name']}\t{pct}\t{amt}\t{it['when']}")
        return out
    if style == "sentence":
        parts = []
        for it in sched:
            parts.append(f"{it['when']}支付合同总价的{it['pct']}%")
        out.append("付款方式：" + "，".join(parts) + "。")
        return out
    marks = {"cn": ["（一）", "（二）", "（三）", "（四）", "（五）"], "num": ["(1)", "(2)", "(3)", "(4)", "(5)"],
             "circle": ["①", "②", "③", "④", "⑤"]}[prefix_style]
    for i, it in enumerate(sched):
        body = it.get("text") or default_installment_text(it)
        out.append(marks[i] + body)
    return out


def default_installment_text(it):
    pct = it.get("pct")
    amt = it.get("amt_shown")
    if pct is not None and amt is not None:
        what = f"合同总价的{pct}%，即人民币{figures(amt)}元"
    elif pct is not None:
        what = f"合同总价的{pct}%"
    else:
        what = f"人民币{figures(amt)}元"
    return f"{it['when']}，甲方向乙方支付{what}{it.get('purpose', '')}；"


def law_line(c):
    law = c.get("law")
    if law is None:
        return None
    return ["本合同适用{l}。", "本合同的订立、效力、解释、履行及争议的解决均适用{l}。", "本合同受{l}管辖。"][c.get("law_style", 0)].format(l=law)


def dispute_line(c):
    kind, venue = c["dispute"]
    if kind == "arb":
        if venue is None:
            return "因履行本合同发生的争议，双方应协商解决；协商不成的，任何一方均可申请仲裁。"
        return f"因履行本合同发生的争议，双方应协商解决；协商不成的，提交{venue}仲裁。"
    if kind == "lit":
        return f"因本合同引起的或与本合同有关的任何争议，由双方协商解决；协商不成的，依法向{venue}提起诉讼。"
    return "因本合同发生的争议，由双方协商解决。"


def ld_line(c, lead="乙方逾期交货的", base="合同总价", payee="甲方"):
    if c.get("ld") is None:
        return f"{lead}，应按照采购文件的约定承担违约责任。"
    text, _ = c["ld"]
    s = f"{lead}，每逾期一日，按{base}的{text}向{payee}支付违约金"
    cap = c.get("ld_cap")
    if cap is not None:
        s += f"，违约金累计不超过{base}的{cap}%"
    return s + "；"


def sign_line(c):
    return f"{c.get('sign_label', '签订日期')}：{date_text(c['sign'], c.get('date_style', 'cn'))}"


def effect_line(c):
    e = c.get("effect", "on_sign")
    if e == "on_sign":
        return "本合同自双方签字盖章之日起生效。"
    if e == "after_bond":
        return "本合同经双方签字盖章并在乙方提交履约保证金后生效。"
    if e == "date":
        return f"本合同自{date_text(c['eff'], c.get('date_style', 'cn'))}起生效。"
    return "本合同一式陆份，甲方肆份，乙方贰份。"


def bond_line(c):
    b = c.get("bond")
    if b is None:
        return "本项目不收取履约保证金。"
    kind, v = b
    if kind == "pct":
        return f"乙方应在合同签订前向甲方提交合同总价{v}%的履约保证金，履约保证金可以银行保函形式提交，验收合格后无息退还。"
    return f"乙方应向甲方提交履约保证金人民币{figures(v)}元，合同履行完毕后无息退还。"


def retention_line(c):
    r = c.get("retention")
    if r is None:
        return None
    pct, months, how = r
    if how == "period":
        return f"甲方按合同总价的{pct}%预留质量保证金，质量保证金期限为{months}个月，期满且无质量问题的，甲方在15日内无息退还。"
    if how == "warranty":
        return f"甲方预留合同总价的{pct}%作为质量保证金，质保期满无质量问题后无息退还。"
    if how == "defect":
        return f"发包人按工程价款结算总额的{pct}%预留质量保证金，缺陷责任期满后返还。"
    raise ValueError(how)


def warranty_line(c, lead="质保期"):
    w = c.get("warranty")
    if w is None:
        return None
    months, style = w
    if style == "months":
        return f"{lead}为验收合格之日起{months}个月，{lead}内乙方提供免费维修及零配件更换。"
    if style == "years":
        return f"乙方提供免费质保{months // 12}年，自最终验收合格之日起计算。"
    if style == "cn_years":
        return f"{lead}为{'一两三四五'[months // 12 - 1]}年，自验收合格之日起算。"
    raise ValueError(style)


def delivery_lines(c):
    out = []
    dd = c.get("delivery_date")
    if dd is not None:
        out.append(f"交货时间：{date_text(dd, c.get('date_style', 'cn'))}前交货并完成安装调试。")
    elif c.get("delivery_rule"):
        out.append(f"交货时间：{c['delivery_rule']}。")
    if c.get("delivery_place"):
        out.append(f"交货地点：{c['delivery_place']}。")
    return out


def term_line(c):
    t = c.get("term")
    if t is None:
        return None
    kind = t[0]
    ds = c.get("date_style", "cn")
    if kind == "range":
        return f"服务期限：自{date_text(t[1], ds)}起至{date_text(t[2], ds)}止。"
    if kind == "year_from":
        return f"服务期限为一年，自{date_text(t[1], ds)}起计算。"
    if kind == "months_from_sign":
        return f"服务期限自合同签订之日起{t[1]}个月。"
    if kind == "labels":
        return f"开始日期：{date_text(t[1], ds)}；结束日期：{date_text(t[2], ds)}。"
    raise ValueError(kind)


def sig_block(c):
    P, S = c["P"], c["S"]
    pn = c.get("P_sig_name", P["name"])
    sn = c.get("S_sig_name", S["name"])
    if c.get("sig_style") == "side":
        return [f"甲方（盖章）：{pn}\t\t乙方（盖章）：{sn}", "法定代表人或授权代表（签字）：\t\t法定代表人或授权代表（签字）：", sign_line(c)]
    out = [f"甲方（盖章）：{pn}", "法定代表人或授权代表（签字）：", "", f"乙方（盖章）：{sn}", "法定代表人或授权代表（签字）：", ""]
    out.append(sign_line(c))
    if c.get("sign_place"):
        out.append(f"签订地点：{c['sign_place']}")
    return out


def header_parties(c, p_label="采购人（甲方）", s_label="供应商（乙方）"):
    if c.get("party_style", "header") == "header":
        return party_lines(c, p_label, c["P"], "P") + [""] + party_lines(c, s_label, c["S"], "S")
    return [f"{p_label}：{c['P']['name']}", f"{s_label}：{c['S']['name']}"]


def sig_parties(c):
    """Signature block with the parties' details under it (party_style 'sig')."""
    ds = c.get("date_style", "cn")
    out = party_lines(c, "甲方（盖章）", dict(c["P"], name=c.get("P_sig_name", c["P"]["name"])), "P")
    out.append("法定代表人或授权代表（签字）：")
    out.append("")
    out += party_lines(c, "乙方（盖章）", dict(c["S"], name=c.get("S_sig_name", c["S"]["name"])), "S")
    out.append("法定代表人或授权代表（签字）：")
    out.append("")
    out.append(f"{c.get('sign_label', '签订日期')}：{date_text(c['sign'], ds)}")
    return out


def ending(c):
    if c.get("party_style", "header") == "sig":
        return sig_parties(c)
    return sig_block(c)


# ---------------------------------------------------------------- templates

def gov_procurement(c):
    """政府采购合同: 第一部分 合同协议书, 第二部分 通用条款, 第三部分 专用条款."""
    ds = c.get("date_style", "cn")
    L = [c["title"], f"合同编号：{c['no']}", f"项目名称：{c['project']}", f"采购计划编号：{c['plan']}", ""]
    L += ["第一部分 合同协议书", ""]
    L += header_parties(c)
    L += ["", f"根据《中华人民共和国政府采购法》《中华人民共和国民法典》及{c['project']}的采购文件，甲乙双方经协商一致，签订本合同。"]
    if c.get("sign_in_preamble"):
        L[-1] = f"本合同于{date_text(c['sign'], ds)}在江州市签订。根据《中华人民共和国政府采购法》及采购文件，双方经协商一致，订立本合同。"
    L += ["一、合同标的", c["subject"], "二、合同金额", amount_sentence(c)]
    L += ["三、履行期限、地点和方式"]
    L += [x for x in [term_line(c)] if x] + delivery_lines(c)
    if not term_line(c) and not delivery_lines(c):
        L.append("乙方按采购文件及响应文件的要求履行。")
    L += ["四、合同文件", "下列文件构成本合同的组成部分：合同协议书、通用条款、专用条款、中标（成交）通知书、采购文件、响应文件。"]
    L += ["五、合同生效", effect_line(c), ""]
    L += ["第二部分 通用条款", "",
          "1. 定义",
          "1.1 “合同价款”指根据本合同约定甲方应支付给乙方的价款，在专用条款中约定。",
          "2. 质量标准",
          "2.1 乙方提供的货物或服务应符合国家标准、行业标准及采购文件的技术要求。",
          "3. 履约保证金",
          "3.1 履约保证金的数额按专用条款约定，不超过政府采购合同金额的10%。",
          "4. 验收",
          "4.1 甲方应在乙方交付后按采购文件约定的标准和方法组织验收，并出具验收书。",
          "5. 付款",
          "5.1 甲方应按专用条款约定的方式和时间向乙方支付合同价款，乙方应先行开具合法有效的发票。",
          "6. 违约责任",
          "6.1 任何一方违反本合同约定的，应当承担违约责任，违约金的计算标准在专用条款中约定。",
          "7. 不可抗力",
          "7.1 因不可抗力不能履行合同的，受影响一方应及时通知对方，并在15日内提供证明。",
          "8. 知识产权与保密",
          "8.1 乙方应保证甲方在使用货物或服务成果时不受第三方提出的侵犯知识产权的指控。",
          "9. 适用法律"]
    if law_line(c):
        L.append("9.1 " + law_line(c))
    else:
        L.append("9.1 本合同未尽事宜，按有关规定执行。")
    L += ["", "第三部分 专用条款", "", "1. 付款方式"]
    L += schedule_lines(c, "num")
    L += ["2. 履约保证金", bond_line(c)]
    if c.get("warranty"):
        L += ["3. 质量保证期", warranty_line(c)]
    if retention_line(c):
        L += ["4. 质量保证金", retention_line(c)]
    L += ["5. 违约责任", ld_line(c, "乙方逾期交付的"), "甲方无正当理由逾期付款的，每逾期一日按应付未付款项的万分之三支付违约金。"]
    L += ["6. 争议解决", dispute_line(c), ""]
    L += ending(c)
    return L


def construction(c):
    """GF-2017-0201 建设工程施工合同 (示范文本): 合同协议书 + 通用合同条款 (referenced) + 专用合同条款."""
    ds = c.get("date_style", "cn")
    a = c["amount"]
    L = ["GF—2017—0201", c["title"], f"合同编号：{c['no']}", "", "第一部分 合同协议书", ""]
    L += [f"发包人（全称）：{c['P']['name']}", f"承包人（全称）：{c['S']['name']}", ""]
    L += ["根据《中华人民共和国民法典》《中华人民共和国建筑法》及有关法律规定，遵循平等、自愿、公平和诚实信用的原则，双方就"
          + c["project"] + "有关事项协商一致，共同达成如下协议："]
    L += ["一、工程概况", f"1．工程名称：{c['project']}。", f"2．工程地点：{c['site']}。", f"3．工程内容：{c['subject']}",
          "4．资金来源：财政资金。"]
    L += ["二、合同工期"]
    t = c.get("term")
    if t:
        L += [f"计划开工日期：{date_text(t[1], ds)}。", f"计划竣工日期：{date_text(t[2], ds)}。",
              f"工期总日历天数：{(t[2] - t[1]).days + 1}天。"]
    L += ["三、质量标准", "工程质量符合国家现行施工质量验收规范合格标准。"]
    L += ["四、签约合同价与合同价格形式"]
    cap = c.get("words") or capitals(a)
    st = c["amount_style"]
    if st == "wan":
        L += [f"1．签约合同价为：人民币{wan(a)}万元。"]
    elif st == "wan_cap":
        L += [f"1．签约合同价为：人民币（大写）{cap}（¥{wan(a)}万元）。"]
    else:
        L += [f"1．签约合同价为：人民币（大写）{cap}（¥{figures(a)}元）。"]
    if c.get("tax") is not None:
        L.append(f"其中：增值税税率为{c['tax']}%。")
    L += ["2．合同价格形式：单价合同。"]
    L += ["五、项目经理", f"承包人项目经理：{c.get('pm', '刘建平')}。"]
    L += ["六、合同文件构成", "本协议书与下列文件一起构成合同文件：中标通知书、投标函及其附录、专用合同条款及其附件、通用合同条款、技术标准和要求、图纸、已标价工程量清单。"]
    L += ["七、签订时间"]
    L += [f"本合同于{date_text(c['sign'], ds)}签订。" if c["sign"] else "本合同于____年__月__日签订。"]
    L += ["八、签订地点", "本合同在江州市签订。"]
    L += ["九、合同生效", effect_line(c), ""]
    L += ["第二部分 通用合同条款", "", "通用合同条款采用《建设工程施工合同（示范文本）》（GF—2017—0201）第二部分，不作修改。", ""]
    L += ["第三部分 专用合同条款", ""]
    if law_line(c):
        L += ["1. 一般约定", "1.4 法律", law_line(c)]
    L += ["3. 承包人", "3.7 履约担保"]
    b = c.get("bond")
    if b is None:
        L.append("承包人无需提供履约担保。")
    elif b[0] == "pct":
        L.append(f"承包人应在签订合同前向发包人提交签约合同价{b[1]}%的履约担保，履约担保形式为银行保函。")
    else:
        L.append(f"承包人提供履约担保的金额为人民币{figures(b[1])}元，形式为银行保函。")
    L += ["12. 合同价格、计量与支付", "12.4 付款"]
    L += schedule_lines(c, "cn")
    L += ["15. 缺陷责任与保修", "15.2 缺陷责任期"]
    if c.get("defect_months"):
        L.append(f"缺陷责任期为{c['defect_months']}个月，自工程实际竣工之日起计算。")
    L += ["15.3 质量保证金"]
    if retention_line(c):
        L.append(retention_line(c))
    if c.get("warranty"):
        L += ["15.4 保修", f"工程质量保修期为{c['warranty'][0] // 12}年，自竣工验收合格之日起计算；屋面防水工程的保修期按5年执行。"]
    L += ["16. 违约", "16.2 承包人违约",
          ld_line(c, "因承包人原因造成工期延误的", "签约合同价", "发包人") if c.get("ld") else "承包人违约的，按通用合同条款承担违约责任；"]
    L += ["20. 争议解决", "20.6 争议解决方式", dispute_line(c), ""]
    L += [f"发包人：（公章）{c.get('P_sig_name', c['P']['name'])}", "法定代表人或其委托代理人：（签字）"]
    L += [f"{LABELS[k][0]}：{c['P'][k]}" for k in ["uscc", "addr", "phone", "bank", "account"] if k not in c.get("hide", {}).get("P", set())]
    L += ["", f"承包人：（公章）{c.get('S_sig_name', c['S']['name'])}", "法定代表人或其委托代理人：（签字）"]
    L += [f"{LABELS[k][0]}：{c['S'][k]}" for k in ["uscc", "addr", "phone", "bank", "account"] if k not in c.get("hide", {}).get("S", set())]
    return L


def goods(c):
    """货物买卖合同 in 第X条, with an item table and often a payment table."""
    ds = c.get("date_style", "cn")
    L = [c["title"], f"合同编号：{c['no']}", ""]
    L += header_parties(c, c.get("p_label", "甲方（采购人）"), c.get("s_label", "乙方（供应商）"))
    L += ["", "甲乙双方根据" + c["project"] + "的采购结果，经平等协商，订立本合同，共同遵守。"]
    L += ["第一条　货物名称、规格及数量", c["subject"]]
    L += ["序号\t名称\t规格型号\t数量\t单价（元）\t金额（元）"]
    for i, (n, m, q, u) in enumerate(c["items"], 1):
        L.append(f"{i}\t{n}\t{m}\t{q}\t{figures(u)}\t{figures(u * q)}")
    L += ["第二条　合同价款", amount_sentence(c, c.get("amount_lead", "合同总价"))]
    L += ["第三条　交货时间、地点及方式"] + delivery_lines(c) + ["乙方负责运输、装卸，运输途中的风险由乙方承担。"]
    L += ["第四条　验收", "货物到货后甲方组织开箱检验，安装调试完成后进行最终验收，并签署验收报告。"]
    L += ["第五条　付款方式"] + schedule_lines(c, "cn")
    L += ["第六条　履约保证金", bond_line(c)]
    L += ["第七条　质量保证"]
    L += [x for x in [warranty_line(c), retention_line(c)] if x]
    L += ["第八条　违约责任", ld_line(c), "甲方无正当理由逾期付款的，每逾期一日按应付未付款项的万分之三支付违约金。"]
    L += ["第九条　不可抗力", "因不可抗力致使合同不能履行的，受影响一方应在3日内书面通知对方。"]
    L += ["第十条　争议解决", dispute_line(c)]
    n = "第十一条"
    if law_line(c):
        L += ["第十一条　适用法律", law_line(c)]
        n = "第十二条"
    L += [f"{n}　合同生效及其他", effect_line(c), "本合同一式肆份，甲乙双方各执贰份。", ""]
    L += ending(c)
    return L


def service_short(c):
    """A short numbered service agreement (1. 2. 3.)."""
    L = [c["title"], f"协议编号：{c['no']}", ""]
    L += header_parties(c, "委托方（甲方）", "受托方（乙方）")
    L += ["", f"甲方委托乙方提供{c['project']}，双方经协商一致，达成如下协议："]
    L += ["1. 服务内容", c["subject"]]
    L += ["2. 服务期限", term_line(c) or "按甲方通知执行。"]
    L += ["3. 服务费用", amount_sentence(c, c.get("amount_lead", "服务费用总额"))]
    L += ["4. 支付方式"] + schedule_lines(c, "circle")
    if c.get("bond"):
        L += ["5. 履约保证金", bond_line(c)]
    L += ["6. 服务质量与考核", "乙方应按甲方的服务标准提供服务，甲方每季度对乙方进行考核，考核不合格的按比例扣减服务费。"]
    L += ["7. 违约责任", ld_line(c, "乙方未按期完成服务的")]
    L += ["8. 保密", "乙方对在服务过程中知悉的甲方信息负有保密义务，未经甲方书面同意不得向第三方披露。"]
    L += ["9. 争议解决", dispute_line(c)]
    if law_line(c):
        L += ["10. 法律适用", law_line(c)]
    L += ["11. 其他", effect_line(c), ""]
    L += ending(c)
    return L


def consult(c):
    """A 一、二、三、 consultancy or design agreement."""
    L = [c["title"], f"合同编号：{c['no']}", ""]
    L += header_parties(c, "委托人（甲方）", "受托人（乙方）")
    L += ["", f"甲方委托乙方承担{c['project']}，经双方协商，签订本合同。"]
    L += ["一、委托事项", c["subject"]]
    L += ["二、服务期限", term_line(c) or "乙方应在甲方要求的期限内完成。"]
    L += ["三、合同价款", amount_sentence(c, c.get("amount_lead", "合同金额"))]
    L += ["四、付款方式"] + schedule_lines(c, "cn")
    L += ["五、成果交付与验收", "乙方完成委托事项后提交成果文件，甲方在收到成果后15日内组织验收。"]
    n = ["六", "七", "八", "九", "十", "十一"]
    i = 0
    if c.get("bond"):
        L += [f"{n[i]}、履约保证金", bond_line(c)]; i += 1
    L += [f"{n[i]}、违约责任", ld_line(c, "乙方逾期提交成果的")]; i += 1
    L += [f"{n[i]}、保密与知识产权", "乙方提交的成果文件的知识产权归甲方所有，乙方负有保密义务。"]; i += 1
    L += [f"{n[i]}、争议解决", dispute_line(c)]; i += 1
    if law_line(c):
        L += [f"{n[i]}、适用法律", law_line(c)]; i += 1
    L += [f"{n[i]}、其他", effect_line(c), ""]
    L += ending(c)
    return L


TEMPLATES = {"gp": gov_procurement, "gf": construction, "goods": goods, "svc": service_short, "consult": consult}
