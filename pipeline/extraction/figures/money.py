"""Resolve the currencies that depend on the article: a bare `$`, a bare `¥` and cents.

`$` is USD unless the article names exactly one other dollar (`A$`, `Canadian dollars`)
and never the US dollar; `¥` is JPY unless the article names the yuan and never the yen;
cents are USX (US cents, CONVENTIONS) when the dollar is USD, otherwise the article's dollar
with unit `cent`; `crowns` are the crown of the country the article names first (SEK when it
names none), `shillings` and `pesos` likewise (KES, MXN); `pounds` are GBP unless the article
uses `$` and names nothing British, where they are the weight (unit `pound`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsclaims.extraction.figures.lexicon import Lexicon


@dataclass
class MoneyContext:
    """Per-article currency defaults, computed on first use."""

    text: str
    lex: Lexicon
    _dollar: str | None = field(default=None, init=False)
    _yen: str | None = field(default=None, init=False)
    _crown: str | None = field(default=None, init=False)
    _pound_is_money: bool | None = field(default=None, init=False)
    _by_country: dict[str, str] = field(default_factory=dict, init=False)

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

    @property
    def crown(self) -> str:
        if self._crown is None:
            m = self.lex.crown_context_re.search(self.text)
            self._crown = m.lastgroup if m is not None and m.lastgroup else "SEK"
        return self._crown

    def by_country(self, placeholder: str) -> str:
        """`shillings`, `pesos`: the currency of the first country the article names."""
        if placeholder not in self._by_country:
            default, pattern = self.lex.country_currency[placeholder]
            m = pattern.search(self.text)
            self._by_country[placeholder] = m.lastgroup if m is not None else default
        return self._by_country[placeholder]

    @property
    def pound_is_money(self) -> bool:
        if self._pound_is_money is None:
            self._pound_is_money = "$" not in self.text or bool(
                self.lex.pound_context_re.search(self.text)
            )
        return self._pound_is_money

    def resolve(self, code: str | None, unit: str | None) -> tuple[str | None, str | None]:
        """(currency, unit) for a placeholder code; other codes pass through."""
        if code == "DOLLAR":
            return self.dollar, unit
        if code == "YEN":
            return self.yen, unit
        if code == "CROWN":
            return self.crown, unit
        if code in self.lex.country_currency:
            return self.by_country(code), unit
        if code == "POUND":
            return ("GBP", unit) if self.pound_is_money else (None, unit or "pound")
        if code == "CENT":
            return ("USX", unit) if self.dollar == "USD" else (self.dollar, "cent")
        return code, unit
