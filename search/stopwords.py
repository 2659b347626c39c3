"""Vietnamese function and question words: they must never make a query fail.

Words a citizen puts around the thing they want ("xin cấp hộ chiếu thì cần giấy tờ gì"). They are
not thrown away (a phrase may need them) but weigh little. Without diacritics a syllable can be
several words ("co" = có, cơ, cổ …), so the folded list keeps only syllables that are function
words in every reading; phrases ("o dau", "the nao") are recognised whole.

Some folded syllables are function words in most questions and content words in a few titles:
"cua" (của / cửa: một cửa, cửa khẩu), "ong" (ông / ong mật), "muon" (muốn / muộn: đăng ký muộn),
"duoc" (được / dược), "khi" (khi / khí), "nhu" (như / nhu cầu), "ba" (bà / ba, bá). They are
AMBIGUOUS_FOLDED: a stop word only while no indexed title holds one of their content forms
(search.query.title_content_words asks the index).
"""

# With diacritics: exact keys are compared, so "có" is a stop word and "cơ" (cơ quan) is not.
STOP_WORDS = frozenset(
    """
    thì là có không được muốn xin cần những gì làm thế nào sao ở đâu tôi em mình cho của và các
    với để bị ạ nhé vậy phải nên hỏi ai khi như này đó ra vào rồi đã sẽ đang mà hay hoặc
    nhỉ chứ thôi cái việc về bao lâu nhiêu nơi đến từ theo cũng rất nhiều ông bà anh chị chúng ta
    mấy giúp
    """.split()
)

# Without diacritics: only syllables that are function words whatever their marks.
FOLDED_STOP_WORDS = frozenset(
    """
    la khong xin nhung gi nao o va cac voi bi a nhe ai nay ra vao roi da se
    hoac viec nhieu theo rat ta giup
    """.split()
)

# Folded syllables that are stop words unless an indexed title uses them as a content word, with
# those content forms (exact spellings; the folded form alone would match the function word too).
AMBIGUOUS_FOLDED = {
    "cua": ("cửa", "cua", "cựa"),
    "ong": ("ong",),
    "muon": ("muộn", "mượn", "muôn"),
    "duoc": ("dược",),
    "khi": ("khí",),
    "nhu": ("nhu",),
    "ba": ("ba", "bá", "bả", "bã", "bạ"),
}

# Phrases recognised on the folded form, whatever the single syllables are on their own.
STOP_PHRASES = [
    phrase.split()
    for phrase in (
        "nhu the nao",
        "lam the nao",
        "lam sao",
        "the nao",
        "o dau",
        "la gi",
        "can nhung gi",
        "can gi",
        "co duoc khong",
        "duoc khong",
        "co khong",
        "thi sao",
        "bao lau",
        "can lam gi",
        "phai lam gi",
        "cho toi hoi",
        "muon biet",
        "lam the nao de",
        "the nao de",
        "o dau de",
        "tai dau",
        "nhu nao",
        "ra sao",
        "co phai",
        "can nhung giay to gi",
    )
]
