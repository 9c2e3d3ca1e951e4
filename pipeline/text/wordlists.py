"""Word lists for the artifact rules, kept apart so the rules stay readable.

All lower-case; matching lower-cases the text. Extend these, not the rules,
when a new site's boilerplate shows up.
"""
from __future__ import annotations

#: Teaser openers that mark a related-link line with or without a colon.
TEASER_OPENERS = (
    "see also", "read more", "read also", "also read", "read next", "also see",
    "more on this", "more on this story", "further reading", "you may also like",
    "you might also like", "don't miss", "recommended reading", "related articles",
    "related stories", "related coverage", "related content", "related news",
    "related reading", "more stories", "most read", "trending now", "editor's picks",
)
#: Openers that are teasers only when a colon follows ("Related: ...", "Watch: ...").
TEASER_COLON_OPENERS = (
    "related", "more", "watch", "listen", "recommended", "see", "read", "also",
    "explainer", "analysis", "opinion", "live", "video", "podcast", "timeline",
    "related video", "related story", "related article", "more coverage", "watch more",
)

#: Phrases of newsletter, cookie, paywall and app prompts (matched in short paragraphs).
PROMPT_PHRASES = (
    "sign up for", "sign up to", "subscribe to", "subscribe now", "our newsletter",
    "free newsletter", "newsletter sign", "we use cookies", "uses cookies",
    "accept cookies", "accept all cookies", "cookie policy", "cookie settings",
    "privacy policy", "manage preferences", "manage your preferences",
    "enable javascript", "javascript is disabled", "ad blocker", "adblocker",
    "log in to", "create an account", "already a subscriber", "already have an account",
    "download our app", "download the app", "follow us on", "join our", "get our",
    "get the latest", "click here to", "to continue reading", "support our journalism",
    "become a member", "donate now", "for subscribers", "in your inbox",
    "straight to your inbox", "terms of use", "terms of service", "all rights reserved",
    "our standards:", "bookmark your favourite", "bookmark your favorite",
    "bookmark this article", "join our commenting", "join thought-provoking conversations",
    "swipe left", "premium subscription",
)

#: Words that make up share bars ("Share | Tweet | Email | Copy link").
SHARE_WORDS = frozenset({
    "share", "shares", "tweet", "email", "e-mail", "mail", "facebook", "twitter", "x",
    "whatsapp", "linkedin", "reddit", "pinterest", "telegram", "print", "copy",
    "link", "copied", "messenger", "flipboard", "comments", "comment", "save",
    "gift", "article", "this", "on", "via", "story", "sms", "bluesky", "threads",
})
#: At least one of these must be present, so "Save this" alone is not a share bar.
SHARE_CORE = frozenset({"share", "tweet", "print", "facebook", "twitter", "whatsapp",
                        "linkedin", "email", "copy"})

#: Whole-paragraph advert and "continue reading" markers.
ADVERT_LINES = (
    "advertisement", "advert", "ad", "ads", "sponsored", "sponsored content",
    "paid content", "promoted", "story continues below", "story continues below advertisement",
    "article continues below", "article continues below this ad", "continue reading",
    "continue reading below", "scroll to continue", "scroll to continue reading",
    "skip advertisement", "content continues below",
)

#: Lines that are only a timestamp or update note.
DATELINE_OPENERS = ("published", "updated", "last updated", "first published",
                    "posted", "modified", "last modified")

#: News agencies whose name is appended as a bare source credit ("... Reuters.").
AGENCIES = (
    "Reuters", "AFP", "AP", "Associated Press", "dpa", "DPA", "TASS", "RIA Novosti",
    "Interfax", "Bloomberg", "UPI", "ANSA", "EFE", "Xinhua", "PA", "PA Media",
    "Kyodo", "Yonhap", "Anadolu", "Ukrinform", "RIA", "IANS", "PTI", "ANI",
)
#: Photo agency and credit markers (matched in short lines only).
PHOTO_CREDIT_MARKERS = (
    "getty images", "shutterstock", "ap photo", "afp photo", "afp via getty",
    "reuters/", "epa-efe", "alamy", "pa wire", "pa images", "photo by", "photograph by",
    "picture by", "image by", "photo credit", "picture alliance", "imago",
)
#: Openers of credit lines ("Photo: ...", "Reporting by ...").
CREDIT_OPENERS = (
    "photo:", "photos:", "photograph:", "image:", "images:", "picture:", "video:",
    "credit:", "credits:", "source:", "illustration:", "reporting by",
    "additional reporting by", "writing by", "editing by", "compiled by",
    "with reporting from", "contributing:",
)

#: Spelled-out numbers that infobox widgets glue to the next word ("fifteenFebruary").
NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
    "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
    "trillion",
)

#: Words of a speaker's title in a pull-quote attribution ("... Ned Price US
#: State Department official"); a name-like run must be followed by one.
ROLE_WORDS = frozenset({
    "official", "officials", "minister", "ministry", "spokesman", "spokeswoman",
    "spokesperson", "secretary", "president", "representative", "ambassador",
    "adviser", "advisor", "director", "chairman", "chairwoman", "chair", "head",
    "chief", "ceo", "founder", "leader", "governor", "senator", "mayor", "deputy",
    "member", "analyst", "expert", "professor", "economist", "commander", "general",
    "envoy", "diplomat", "press", "department", "statement", "prime", "chancellor",
    "king", "queen", "pope", "journalist", "author", "lawyer", "attorney", "judge",
    "manager", "coach", "campaigner", "activist", "researcher", "scientist",
    "editor", "correspondent", "politician", "mp", "mep", "congressman",
    "congresswoman", "speaker", "council", "office", "agency", "service",
    "government", "politburo", "duma", "parliament", "deputies", "ombudsman",
    "prosecutor", "spokesperson's", "presidential", "executive", "vice", "party",
})

#: Capitalised words that start a sentence; used to find where a glued teaser
#: headline ends ("... the sovereigns" As for ...") and to reject them as names.
SENTENCE_STARTERS = frozenset({
    "the", "a", "an", "as", "in", "on", "at", "for", "but", "and", "or", "so", "it",
    "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "there",
    "according", "after", "before", "when", "while", "meanwhile", "however",
    "earlier", "later", "now", "last", "since", "during", "if", "although", "his",
    "her", "their", "our", "its", "my", "what", "why", "how", "who", "where",
    "to", "from", "with", "by", "of", "also", "then", "thus", "still", "yet",
    "recently", "today", "yesterday", "tomorrow", "some", "many", "most",
})

#: Real words written in camel case that must not be split as "glued" words.
CAMEL_CASE_WORDS = frozenset({
    "whatsapp", "playstation", "soundcloud", "wikileaks", "astrazeneca",
    "glaxosmithkline", "exxonmobil", "conocophillips", "harpercollins",
    "pricewaterhousecoopers", "javascript", "typescript", "deepmind", "mastercard",
    "blackberry", "solarwinds", "crowdstrike", "doordash", "blackrock", "powerpoint",
    "softbank", "dreamworks", "easyjet", "gamestop", "huffpost", "buzzfeed",
    "smackdown", "wrestlemania", "stubhub", "draftkings", "totalenergies",
    "arcelormittal", "thyssenkrupp", "propublica", "brewdog", "fitzgerald",
    "firstenergy", "centurylink", "wordpress", "onlyfans", "airasia", "moneygram",
    "petrochina", "hellofresh", "openstreetmap", "caixabank", "aliexpress",
    "worldcom", "sportscenter", "bioware", "newsguard", "factcheck", "politifact",
})

#: Headings of the teaser sections that follow an article ("More from The
#: Nation", "Popular", "Related stories"); everything after one is dropped.
RELATED_SECTIONS = (
    "more from", "more stories", "more on this", "most popular", "most read", "popular",
    "related", "recommended", "read more", "read next", "trending", "you may also like",
    "you might also like", "latest stories", "top stories", "editor's picks", "more news",
)

#: Roles in an author's bio line at the end of an article.
BIO_ROLES = (
    "writer", "reporter", "editor", "correspondent", "journalist", "columnist",
    "contributor", "producer", "intern", "fellow", "freelancer", "critic", "author",
)
