"""Renders corpus/extraction/source/*.txt into the documents the scorer reads (corpus/extraction/documents/ and
corpus/extraction/heldout/), in the format manifest.tsv names:
  txt      UTF-8 text as written
  gb18030  the text encoded in GB18030 (what older Windows editors save)
  docx     a WordprocessingML package: one paragraph per line, headings bold, tab-separated lines as a Word table
  pdf      a text PDF (non-embedded Adobe-GB1 font STSong-Light, drawn by poppler with a fontconfig CJK font), lines
           wrapped at the page width as a word processor would
  png      the PDF's pages rasterized at 200 dpi with pdftoppm and stacked into one grey PNG (a phone photo of a print)
  scan     an image-only PDF: the PDF's pages rasterized at 200 dpi, one grey image per page (a scanner's output)
Needs python3 and poppler-utils (pdftoppm). Run: python3 corpus/extraction/tools/render.py"""
import os
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from xml.sax.saxutils import escape

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # zip entry times, so a rerun gives the same bytes


# ------------------------------------------------------------------ docx

def docx(lines, path):
    body = []
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            width = max(len(r) for r in rows)
            xml = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
                   '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/>'
                   '<w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>']
            xml += ['<w:gridCol w:w="1600"/>'] * width
            xml.append("</w:tblGrid>")
            for r in rows:
                xml.append("<w:tr>")
                for cell in r + [""] * (width - len(r)):
                    xml.append(f'<w:tc><w:tcPr><w:tcW w:w="1600" w:type="dxa"/></w:tcPr><w:p><w:r><w:t xml:space="preserve">{escape(cell)}</w:t></w:r></w:p></w:tc>')
                xml.append("</w:tr>")
            xml.append("</w:tbl>")
            body.append("".join(xml))
            continue
        line = lines[i]
        i += 1
        heading = len(line) <= 24 and (line.startswith("第") or "、" in line[:4] or (line[:1].isdigit() and ". " in line[:4] and len(line) < 16))
        rpr = "<w:rPr><w:b/></w:rPr>" if heading or i == 1 else ""
        ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if i <= 1 else ""
        body.append(f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>')
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                + "".join(body) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("word/document.xml", document)]:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


# ------------------------------------------------------------------ pdf

def _assemble(objects):
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for o in offsets:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(dict_extra, data):
    return f"<< /Length {len(data)} {dict_extra} >>\nstream\n".encode() + data + b"\nendstream"


def _wrap(line, width):
    """Wraps at `width` em, counting a non-ASCII character as 1 em and an ASCII one as 0.5."""
    out, cur, w = [], "", 0.0
    for ch in line:
        cw = 0.5 if ord(ch) < 128 else 1.0
        if w + cw > width and cur:
            out.append(cur)
            cur, w = "", 0.0
        cur += ch
        w += cw
    out.append(cur)
    return out


def pdf(lines, path, size=10.5, width_em=42, per_page=46):
    drawn = []
    for line in lines:
        if "\t" in line:
            drawn.append(("  ".join(line.split("\t")), True))
        elif not line:
            drawn.append(("", False))
        else:
            drawn += [(piece, False) for piece in _wrap(line, width_em)]
    pages = [drawn[i:i + per_page] for i in range(0, len(drawn), per_page)]
    font_obj = 3 + 2 * len(pages)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{' '.join(f'{3 + 2 * i} 0 R' for i in range(len(pages)))}] /Count {len(pages)} >>".encode()]
    for page in pages:
        content = []
        y = 800
        for text, _ in page:
            if text:
                hexs = "".join(f"{ord(c):04X}" for c in text)
                content.append(f"BT /F1 {size} Tf 56 {y} Td <{hexs}> Tj ET")
            y -= 16.5
        data = zlib.compress("\n".join(content).encode("ascii"))
        n = len(objects) + 1
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font_obj} 0 R >> >> /Contents {n + 1} 0 R >>".encode())
        objects.append(_stream("/Filter /FlateDecode", data))
    objects.append(f"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [{font_obj + 1} 0 R] >>".encode())
    objects.append(f"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor {font_obj + 2} 0 R /DW 1000 /W [1 95 500] >>".encode())
    objects.append(b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
    with open(path, "wb") as f:
        f.write(_assemble(objects))


# ------------------------------------------------------------------ raster

def _pgm_pages(pdf_path, dpi):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), pdf_path, os.path.join(tmp, "p")], check=True, timeout=120)
        pages = []
        for name in sorted(os.listdir(tmp)):
            with open(os.path.join(tmp, name), "rb") as f:
                data = f.read()
            # P5\n<w> <h>\n255\n<bytes>
            parts = data.split(b"\n", 3)
            w, h = map(int, parts[1].split())
            pages.append((w, h, parts[3][: w * h]))
        return pages


def _png(w, h, grey):
    raw = b"".join(b"\x00" + grey[y * w:(y + 1) * w] for y in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def png(lines, path):
    with tempfile.TemporaryDirectory() as tmp:
        p = os.path.join(tmp, "c.pdf")
        pdf(lines, p)
        pages = _pgm_pages(p, 200)
    w = pages[0][0]
    grey = b"".join(g for _, _, g in pages)
    h = sum(ph for _, ph, _ in pages)
    with open(path, "wb") as f:
        f.write(_png(w, h, grey))


def scan(lines, path):
    with tempfile.TemporaryDirectory() as tmp:
        p = os.path.join(tmp, "c.pdf")
        pdf(lines, p)
        pages = _pgm_pages(p, 200)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{' '.join(f'{3 + 3 * i} 0 R' for i in range(len(pages)))}] /Count {len(pages)} >>".encode()]
    for w, h, grey in pages:
        n = len(objects) + 1
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 {n + 2} 0 R >> >> /Contents {n + 1} 0 R >>".encode())
        objects.append(_stream("", b"q 595 0 0 842 0 0 cm /Im1 Do Q"))
        objects.append(_stream(f"/Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
                               zlib.compress(grey, 9)))
    with open(path, "wb") as f:
        f.write(_assemble(objects))


EXT = {"txt": ".txt", "gb18030": ".txt", "docx": ".docx", "pdf": ".pdf", "png": ".png", "scan": ".pdf"}


def main():
    only = set(sys.argv[1:])
    with open(os.path.join(ROOT, "manifest.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    for cid, fmt, subset in rows:
        if only and cid not in only:
            continue
        with open(os.path.join(ROOT, "source", cid + ".txt"), encoding="utf-8") as f:
            text = f.read()
        lines = text.rstrip("\n").split("\n")
        folder = os.path.join(ROOT, "documents" if subset == "main" else "heldout")
        os.makedirs(folder, exist_ok=True)
        for old in os.listdir(folder):
            if os.path.splitext(old)[0] == cid:
                os.remove(os.path.join(folder, old))
        out = os.path.join(folder, cid + EXT[fmt])
        if fmt == "txt":
            with open(out, "w", encoding="utf-8") as f:
                f.write(text)
        elif fmt == "gb18030":
            with open(out, "wb") as f:
                f.write(text.encode("gb18030"))
        else:
            {"docx": docx, "pdf": pdf, "png": png, "scan": scan}[fmt](lines, out)
        print(cid, fmt, out[len(ROOT) + 1:])


if __name__ == "__main__":
    main()
