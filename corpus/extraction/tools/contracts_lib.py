"""Helpers for writing the extraction corpus: capital numerals, date spellings, USCC check characters, and the
ground-truth object in the exact shape of `lvyue extract --json` (without clauses/spans/elapsedMs).

The truth is built from the values the contract's author (a person) wrote into the contract's specification in
compose.py, never from the extractor's output."""
from decimal import Decimal, ROUND_HALF_UP
import datetime as dt

DIGITS = "零壹贰叁肆伍陆柒捌玖"
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(first17: str) -> str:
    """GB 32100-2015: the 18th character is the check character of the first 17."""
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return first17 + USCC_CHARS[(31 - s % 31) % 31]


def uscc_valid(code):
    if code is None:
        return None
    return len(code) == 18 and all(c in USCC_CHARS for c in code) and uscc(code[:17]) == code


def _four(n: int) -> str:
    """A number below 10000 in capitals, with 零 where a zero is skipped."""
    units = ["", "拾", "佰", "仟"]
    out = ""
    zero = False
    for i in range(3, -1, -1):
        d = n // (10 ** i) % 10
        if d == 0:
            if out:
                zero = True
            continue
        if zero:
            out += "零"
            zero = False
        out += DIGITS[d] + units[i]
    return out


def capitals(amount: Decimal) -> str:
    """1200000 -> 壹佰贰拾万元整; 1234.56 -> 壹仟贰佰叁拾肆元伍角陆分."""
    amount = amount.quantize(Decimal("0.01"))
    yuan = int(amount)
    fen = int((amount - yuan) * 100)
    parts = []
    yi, wan, rest = yuan // 100000000, yuan // 10000 % 10000, yuan % 10000
    s = ""
    if yi:
        s += _four(yi) + "亿"
    if wan:
        if yi and wan < 1000:
            s += "零"
        s += _four(wan) + "万"
    elif yi and rest:
        s += "零"
    if rest:
        if (yi or wan) and rest < 1000 and not s.endswith("零"):
            s += "零"
        s += _four(rest)
    s += "元"
    j, f = fen // 10, fen % 10
    if j == 0 and f == 0:
        s += "整"
    else:
        if j:
            s += DIGITS[j] + "角"
        elif f:
            s += "零"
        if f:
            s += DIGITS[f] + "分"
    return s


def figures(amount: Decimal) -> str:
    """1200000 -> 1,200,000.00"""
    return "{:,.2f}".format(amount)


def wan(amount: Decimal) -> str:
    """1200000 -> 120; 1234500 -> 123.45"""
    v = (amount / Decimal(10000)).normalize()
    return format(v, "f")


CN_DIGIT = "〇一二三四五六七八九"


def _cn_small(n: int) -> str:
    if n < 10:
        return "零一二三四五六七八九"[n]
    if n < 20:
        return "十" + ("" if n == 10 else "零一二三四五六七八九"[n - 10])
    return "零一二三四五六七八九"[n // 10] + "十" + ("" if n % 10 == 0 else "零一二三四五六七八九"[n % 10])


def date_text(d, style: str) -> str:
    """The date as a Chinese contract writes it; None is a blank to be filled in."""
    if d is None:
        return {"blank2": "    年  月  日"}.get(style, "____年__月__日")
    if style == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "pad":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if style == "cnz":
        return "".join(CN_DIGIT[int(c)] for c in str(d.year)) + "年" + _cn_small(d.month) + "月" + _cn_small(d.day) + "日"
    if style == "iso":
        return d.isoformat()
    if style == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if style == "slash":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    raise ValueError(style)


def iso(d):
    return None if d is None else d.isoformat()


def money(v):
    if v is None:
        return None
    return float(Decimal(v).quantize(Decimal("0.01"), ROUND_HALF_UP))


def num(v):
    if v is None:
        return None
    v = Decimal(str(v))
    return int(v) if v == v.to_integral() else float(v)


def D(y, m, d):
    return dt.date(y, m, d)


def end_of_term(start: dt.date, months: int) -> dt.date:
    """A term of N months from start ends the day before the same day N months later."""
    y, m = divmod(start.month - 1 + months, 12)
    y += start.year
    m += 1
    import calendar
    day = min(start.day, calendar.monthrange(y, m)[1])
    return dt.date(y, m, day) - dt.timedelta(days=1)
