"""Generated inputs for the scaling part of `bench_extract.py`: each case at a size n, built from a
repeated unit, so that the same text at 5n costs at most about 5x the time (the target is 6x).

- prose line: one paragraph of ordinary quoted prose (every quote classified in one long line);
- open marks: `'"a ' * k`, straight marks none of which closes (each mark asked about the marks after it);
- many people: a paragraph per person, thousands of different names (speaker resolution, name lookups);
- long article: paragraphs of quotes and prose past spaCy's 1,000,000-character limit at 5n (parsed in
  pieces; line and column of every quote).
"""
from __future__ import annotations

FIRST = ("Anna Boris Carla Dmitri Elena Farid Greta Hugo Ines Jonas Karin Luca Mira Nils Olga Pavel Rosa Sven "
         "Tara Umar Vera Wim Xena Yuri Zoe").split()
LAST = ("Abbott Becker Castro Dalton Evans Fischer Garcia Hansen Ito Jensen Kowalski Lopez Moreau Nakamura Olsen "
        "Petrov Quinn Rossi Schmidt Tanaka Ueda Vargas Weber Young Zimmer").split()


def _repeat(units, size: int) -> str:
    out, n = [], 0
    for u in units:
        if n >= size:
            break
        out.append(u)
        n += len(u)
    return "".join(out)


def _forever(make):
    k = 0
    while True:
        yield make(k)
        k += 1


def prose_line(size: int) -> str:
    return _repeat(_forever(lambda k: 'He said "the plan is good and we will go on." She said "no." '), size).rstrip() + "\n"


def open_marks(size: int) -> str:
    return '"a ' * (size // 3) + "\n"


def person(k: int) -> str:
    return f"{FIRST[k % 25]} {LAST[k // 25 % 25]}{'' if k < 625 else k // 625}"


def many_people(size: int) -> str:
    return _repeat(_forever(lambda k: f'{person(k)} said "we will look at the numbers again next week." '
                                      f'The plan was criticised.\n'), size)


def long_article(size: int) -> str:
    return _repeat(_forever(lambda k: f"The council met for the {k}th time on Monday.\n\n"
                                      f'"We will look at the numbers again," said {person(k % 40)}. '
                                      f"Nothing else changed.\n\n"), size)


CASES = {  # name: (make, n in characters)
    "prose line": (prose_line, 20_000),
    "open marks": (open_marks, 30_000),
    "many people": (many_people, 20_000),
    "long article": (long_article, 220_000),
}
