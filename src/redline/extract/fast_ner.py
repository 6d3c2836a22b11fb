"""An output-identical, faster stand-in for the decoding of the English model's entity recogniser.

spaCy's greedy decoder asks, at every token of every Doc, each of the recogniser's 74 moves whether
it is valid; each answer reads the parse state through small inline accessors which, in a spaCy
build compiled with Cython's profiling hooks (as the installed 3.8 wheel for Python 3.11 is), take
and drop the interpreter lock on every call: on news text that lock traffic is most of the
recogniser's time once its own tok2vec has run (84 PolNeAR dev articles: about 3 s of its 4.7 s,
against 1.6 s for the whole dependency parser). Which moves are valid depends on very little here:
whether an entity is open and with which label, whether the next token exists and starts a
sentence, and whether this token is a space. So the validity of each such kind of state is worked
out once, as a row of the moves, and the decoding runs with the model's own arrays: the same
features, sums, maxout, the same BLIS matrix product called with the same shapes, and the same
first-best valid move, in the same batches as ``Parser.pipe`` forms them. The entities it sets are
the original's.

The stand-in covers the greedy recogniser of a ``TransitionBasedParser`` with three state features
(spaCy's NER) on Docs without preset entities; on anything else (a beam, a preset entity, a
different model, a score that is not a finite number) it hands the batch to the original.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TypeVar

import blis.py  # type: ignore[import-untyped]
import numpy
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps

from redline.extract.stand_ins import Unsupported, swap_in

__all__ = ["install"]

NER, FAST_NER = "ner", "redline_ner"
_MOVES = "BILUO"
# a feature or weight this large could overflow a float32 sum: the decoding is then left to spaCy
_SAFE = 1e15


# declared as spaCy declares its recogniser (it reads sentence starts without declaring them)
@Language.factory(FAST_NER, assigns=["doc.ents", "token.ent_iob", "token.ent_type"])
def make_fast_ner(nlp: Language, name: str) -> FastEntityRecognizer:  # noqa: ARG001
    ner = nlp.get_pipe(NER)
    if not isinstance(ner, EntityRecognizer):
        raise Unsupported(NER)
    return FastEntityRecognizer(ner)


class FastEntityRecognizer:
    """The model's recogniser with its greedy decoding done here (see the module docstring).

    A state is one of a few kinds: closed, by (two or more tokens left, next token starts a
    sentence, token is a space), or open with a label, by (two or more left, next starts a
    sentence); ``penalty`` holds, per kind, 0 for each valid move and minus infinity for the rest,
    so the best valid move is the first best of the scores plus that row."""

    def __init__(self, ner: EntityRecognizer) -> None:
        model = ner.model
        if ner.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper"):
            raise Unsupported("beam search or no output layer")
        self.ner = ner
        self.tok2vec, self.lower, self.upper = (
            model.get_ref("tok2vec"),
            model.get_ref("lower"),
            model.get_ref("upper"),
        )
        if self.lower.get_dim("nF") != 3:
            raise Unsupported("state features")
        if type(model.ops) is not NumpyOps:  # its ``cblas()``, spaCy's matrix product, is BLIS's
            raise Unsupported(f"ops {type(model.ops).__name__}")
        names = [str(ner.moves.get_class_name(i)) for i in range(ner.moves.n_moves)]
        if not all(n and n[0] in _MOVES for n in names):
            raise Unsupported("moves")
        self.move = numpy.array([_MOVES.index(n[0]) for n in names], dtype=numpy.int64)
        label_names = [n[2:] for n in names]
        self.labels = sorted({n for n in label_names if n})
        self.label_of = numpy.array(
            [self.labels.index(n) if n else -1 for n in label_names], dtype=numpy.int64
        )
        self.label_ids = [ner.vocab.strings.add(n) for n in self.labels]
        self.penalty = self._penalties()

    def _penalties(self) -> numpy.ndarray:
        """Rows of 0 (valid) or -inf per kind of state, as ``BiluoPushDown``'s moves judge a state
        with no preset entities: kinds 0-7 closed, 8 + 4 * label + ... open."""
        b, i, last, u, o = range(5)
        move, labelled = self.move, self.label_of >= 0
        rows = []
        for two_left in (False, True):
            for next_starts in (False, True):
                for space in (False, True):
                    begin = (move == b) & labelled & two_left & (not next_starts) & (not space)
                    unit = (move == u) & labelled & (not space)
                    rows.append(begin | unit | (move == o))
        for label in range(len(self.labels)):
            for two_left in (False, True):
                for next_starts in (False, True):
                    same = labelled & (self.label_of == label)
                    inside = (move == i) & same & two_left & (not next_starts)
                    rows.append(inside | ((move == last) & same))
        valid = numpy.array(rows)
        return numpy.where(valid, numpy.float32(0), numpy.float32(-numpy.inf)).astype(numpy.float32)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc], batch_size=1))

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """The batches and sub-batches of ``Parser.pipe``: each batch sorted by length, decoded in
        sub-batches of a quarter of its size (the shapes every matrix product sees)."""
        for batch in _batches(docs, batch_size):
            batch_in_order = list(batch)
            by_length = sorted(batch_in_order, key=len)
            for subbatch in _batches(by_length, max(batch_size // 4, 2)):
                self._annotate(list(subbatch))
            yield from batch_in_order

    def _annotate(self, docs: list[Doc]) -> None:
        arrays = [doc.to_array([ENT_IOB, SENT_START, IS_SPACE]) for doc in docs]
        if not any(len(doc) for doc in docs) or any(a[:, 0].any() for a in arrays if len(a)):
            self._original(docs)  # nothing to decode, or preset entities the moves must respect
            return
        found = self._decode(docs, arrays)
        if found is None:
            self._original(docs)
            return
        for doc, ents in zip(docs, found, strict=True):
            spans = [Span(doc, s, e, label=self.label_ids[label]) for s, e, label in ents]
            doc.set_ents(spans, default="outside")

    def _original(self, docs: list[Doc]) -> None:
        self.ner.set_annotations(docs, self.ner.predict(docs))

    def _decode(
        self, docs: Sequence[Doc], arrays: Sequence[numpy.ndarray]
    ) -> list[list[tuple[int, int, int]]] | None:
        """Each Doc's entities (start, end, label number), or None when a score might not be a
        finite number (then arg-max ties and comparisons could differ from spaCy's)."""
        tokvecs = self.tok2vec.predict(list(docs))
        cached = self.lower.predict(tokvecs)  # (tokens + 1, features, hidden, pieces); row 0 pads
        weights, bias = self.upper.get_param("W"), self.upper.get_param("b")
        feat_bias = self.lower.get_param("b").reshape(-1)
        if self.upper.attrs.get("unseen_classes") or self.ner.model.attrs.get("unseen_classes"):
            return None
        if not all(
            numpy.isfinite(a).all() and numpy.abs(a).max() < _SAFE for a in (cached, weights, bias, feat_bias)
        ):
            return None
        n_tokens, n_feats, n_hidden, n_pieces = cached.shape
        rows = cached.reshape(n_tokens, n_feats, n_hidden * n_pieces)
        f0, f1, f2 = rows[:, 0], rows[:, 1], rows[:, 2]
        # a state with no open entity reads its token and two padding rows: its hidden layer is
        # worked out for every token at once, in the same order of sums as spaCy's
        closed_hidden = _maxout(_summed(f0[1:], f1[0], f2[0], feat_bias).reshape(-1, n_hidden, n_pieces))
        lengths = [len(doc) for doc in docs]
        offsets = numpy.cumsum([0, *lengths[:-1]]).tolist()
        # per token of the batch: its closed kind and the part of its open kind after the label
        closed_kind, open_part = [], []
        for n, a in zip(lengths, arrays, strict=True):
            if not n:
                continue
            two_left = numpy.arange(n, 0, -1) >= 2
            next_starts = numpy.zeros(n, dtype=bool)
            next_starts[:-1] = a[1:, 1].astype(numpy.int64) == 1
            space = a[:, 2] != 0
            closed_kind.append(two_left * 4 + next_starts * 2 + space)
            open_part.append(two_left * 2 + next_starts)
        closed = numpy.concatenate(closed_kind).tolist()
        opened = (numpy.concatenate(open_part) + 8).tolist()
        # the output bias plus each kind's penalties: (score + bias) + 0 is score + bias, and an
        # invalid move is minus infinity either way
        biased = bias + self.penalty
        move, label_of = self.move.tolist(), self.label_of.tolist()
        ents: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        start = [-1] * len(docs)  # the open entity's first token, per Doc
        label = [0] * len(docs)
        first = 0  # Docs are sorted by length: the unfinished ones are the last ones
        # every move takes one token off the buffer: at step t each unfinished Doc is at token t
        for t in range(max(lengths)):
            while lengths[first] <= t:
                first += 1
            active = range(first, len(docs))
            at = [offsets[d] + t for d in active]
            hidden = closed_hidden[at]
            kinds = []
            for row, (a, d) in enumerate(zip(at, active, strict=True)):
                if start[d] < 0:
                    kinds.append(closed[a])
                    continue
                kinds.append(opened[a] + 4 * label[d])
                # an open entity: its first token and the token before this one are features too
                unmaxed = _summed(f0[a + 1], f1[offsets[d] + start[d] + 1], f2[a], feat_bias)
                hidden[row] = _maxout(unmaxed.reshape(n_hidden, n_pieces))
            scores = blis.py.gemm(hidden, weights, trans2=True, beta=0.0)
            scores += biased[kinds]
            for d, guess in zip(active, scores.argmax(axis=1).tolist(), strict=True):
                m = move[guess]
                if m == 0:  # B
                    start[d], label[d] = t, label_of[guess]
                elif m == 2:  # L
                    ents[d].append((start[d], t + 1, label[d]))
                    start[d] = -1
                elif m == 3:  # U
                    ents[d].append((t, t + 1, label_of[guess]))
        return ents


T = TypeVar("T")


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``spacy.util.minibatch`` with a fixed size: lists of ``size`` items, the last shorter."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _summed(*parts: numpy.ndarray) -> numpy.ndarray:
    """0 + each part in turn, as spaCy's ``sum_state_features`` and bias add do (a sum that
    starts from a part, not from 0, could differ in the sign of a zero)."""
    total = numpy.zeros(numpy.broadcast_shapes(*(p.shape for p in parts)), dtype=numpy.float32)
    for part in parts:
        total += part
    return total


def _maxout(unmaxed: numpy.ndarray) -> numpy.ndarray:
    """thinc's ``Vec.arg_max`` over the last axis, by value: with two pieces the second wins a tie."""
    pieces = unmaxed.shape[-1]
    if pieces == 2:
        return numpy.ascontiguousarray(
            numpy.where(unmaxed[..., 0] > unmaxed[..., 1], unmaxed[..., 0], unmaxed[..., 1])
        )
    best = unmaxed[..., 0]
    for p in range(1, pieces):
        best = numpy.where(unmaxed[..., p] > best, unmaxed[..., p], best)
    return numpy.ascontiguousarray(best)


def install(nlp: Language) -> bool:
    """Put the stand-in in the recogniser's place when it can reproduce it."""
    return swap_in(nlp, NER, FAST_NER)
