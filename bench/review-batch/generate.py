"""Writes N contracts for the batch-review benchmark (default 10,000) into a folder, from the review corpus's three
model contracts and its defect catalogue (corpus/review/tools/compose.py): contract i is a goods, works or services
model with its own parties, number and sign date and zero to three catalogue defects chosen by a fixed pseudo-random
sequence (so two runs write the same files); every third is a .docx, the rest UTF-8 .txt.

Run: python3 bench/review-batch/generate.py /tmp/review-bench 10000"""
import importlib.util
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("compose", os.path.join(HERE, "..", "..", "corpus", "review", "tools", "compose.py"))
compose = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compose)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/review-bench"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261122)
    models = ["goods", "works", "services"]
    by_model = {m: [k for k, d in compose.D.items() if m in d["kinds"]] for m in models}
    written = 0
    for i in range(count):
        model = models[i % 3]
        text = None
        for _ in range(20):
            defects = rng.sample(by_model[model], rng.choice([0, 1, 1, 2, 2, 3]))
            try:
                text, _ = compose.build(f"b{i:05d}", model, defects, i + 1)
                break
            except SystemExit:
                continue  # two defects that edit the same words: draw again
        if text is None:
            text, _ = compose.build(f"b{i:05d}", model, [], i + 1)
        name = os.path.join(out, f"b{i:05d}")
        if (i // 3) % 3 == 2:
            compose.render.docx(text.split("\n"), name + ".docx")
        else:
            with open(name + ".txt", "w", encoding="utf-8") as f:
                f.write(text)
        written += 1
    print(f"{written} contracts in {out}")


if __name__ == "__main__":
    main()
