"""Resolve the currencies that depend on the article: a bare `$`, a bare `¥` and cents.

`$` is USD unless the article names exactly one other dollar (`A$`, `Canadian dollars`)
and never the US dollar; `¥` is JPY unless the article names the yuan and never the yen;
cents are USX (US cents, CONVENTIONS) when the dollar is USD, otherwise the article's dollar
with unit `cent`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.figures.lexicon import Lexicon


@dataclass
class MoneyContext:
    """Per-article currency defaults, computed on first use."""

    text: str
    lex: Lexicon
    _dollar: str | None = field(default=None, init=False)
    _yen: str | None = field(default=None, init=False)

    @property
    def dollar(self) -> str:
        if self._dollar is None:
            named = {
                code
                for m in self.lex.dollar_context_re.finditer(self.text)
                for code, hit in m.groupdict().items()
                if hit
            }
            self._dollar = named.pop() if len(named) == 1 and "USD" not in named else "USD"
        return self._dollar

    @property
    def yen(self) -> str:
        if self._yen is None:
            yuan = self.lex.yuan_context_re.search(self.text) is not None
            yen = self.lex.yen_context_re.search(self.text) is not None
            self._yen = "CNY" if yuan and not yen else "JPY"
        return self._yen

    def resolve(self, code: str | None, unit: str | None) -> tuple[str | None, str | None]:
        """(currency, unit) for a placeholder code; other codes pass through."""
        if code == "DOLLAR":
            return self.dollar, unit
        if code == "YEN":
            return self.yen, unit
        if code == "CENT":
            return ("USX", unit) if self.dollar == "USD" else (self.dollar, "cent")
        return code, unit
