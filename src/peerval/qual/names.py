"""Word lists for finding people's names in free text (used by :mod:`peerval.qual.redact`).

Lower case and without accents; written for peerval from common UK usage.
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATED_TITLES",
    "ACRONYMS",
    "AMBIGUOUS_NAMES",
    "FIRST_NAMES",
    "GENERIC_PLACE_WORDS",
    "NOT_NAMES",
    "NOT_SURNAMES",
    "PERSON_VERBS",
    "PLACE_PREFIXES",
    "STRICT_NAMES",
    "SURNAME_PARTICLES",
    "TITLES",
]

#: Common first names in the UK, lower case and without accents ("zoe" also matches "Zoë").
FIRST_NAMES: frozenset[str] = frozenset(
    {
        # women and girls
        "abbie", "abby", "abena", "abigail", "ada", "adaeze", "agnieszka", "aisha", "alice",
        "alison", "alys", "ama", "amara", "amber", "amelia", "amelie", "amina", "amy", "ana",
        "angela", "anjali", "ann", "anna", "anne", "annie", "aoife", "april", "aria", "ava",
        "ayesha", "barbara", "bella", "beth", "bethan", "bethany", "betty", "beverley",
        "blessing", "brenda", "caitlin", "carol", "carys", "catherine", "catrin", "cerys",
        "charlotte", "chiamaka", "chioma", "chloe", "christine", "ciara", "claire", "clare",
        "danielle", "daisy", "dawn", "debbie", "deborah", "denise", "diane", "donna", "doreen",
        "eileen", "eilidh", "elaine", "elin", "elizabeth", "ella", "ellie", "elsie", "emilia",
        "emily", "emma", "erin", "esme", "esther", "eva", "evelyn", "evie", "faith", "fatima",
        "ffion", "florence", "freya", "gemma", "georgia", "gill", "gillian", "grace", "gurpreet",
        "gwen", "hafsa", "hannah", "harpreet", "hayley", "hazel", "heather", "helen", "holly",
        "hope", "imogen", "irene", "iris", "isabella", "isabelle", "isla", "ivy", "jacqueline",
        "jade", "jan", "jane", "janet", "janice", "jasmine", "jaspreet", "jean", "jennifer",
        "jessica", "jo", "joan", "joanna", "joanne", "joy", "julie", "june", "karen",
        "katarzyna", "kate", "kath", "katherine", "kathleen", "kathryn", "katie", "kelly",
        "kerry", "kim", "kirsty", "laura", "lauren", "layla", "leah", "leanne", "leila",
        "lesley", "lily", "linda", "lisa", "lorraine", "louise", "lucy", "lynn", "lynne",
        "magdalena", "mairi", "margaret", "maria", "marion", "mary", "maryam", "matilda",
        "maureen", "may", "maya", "megan", "mia", "michelle", "millie", "miriam", "molly",
        "nadia", "nancy", "naomi", "natalie", "neha", "ngozi", "nia", "niamh", "nicola", "noor",
        "olga", "olivia", "orla", "pat", "patricia", "pauline", "pearl", "phoebe", "pooja",
        "poppy", "precious", "priya", "rachel", "rebecca", "rhiannon", "robyn", "rose", "rosie",
        "ruby", "ruth", "sally", "samantha", "sana", "sandra", "saoirse", "sarah", "seren",
        "sharon", "sheila", "shreya", "sian", "sienna", "simran", "siobhan", "sofia", "sonia",
        "sophia", "sophie", "stacey", "stephanie", "sue", "sunita", "susan", "tamsin", "tanya",
        "tina", "tracey", "tracy", "valerie", "vicki", "vicky", "victoria", "violet", "wendy",
        "willow", "yasmin", "yvonne", "zainab", "zoe",
        "ailsa", "amanda", "ashley", "audrey", "catriona", "dorothy", "edith", "eleanor",
        "ellen", "fiona", "gloria", "jenny", "jill", "jodie", "josephine", "judith", "judy",
        "julia", "kayleigh", "kirsten", "lorna", "lydia", "mandy", "marie", "melissa", "morag",
        "nicole", "paula", "rhona", "rita", "shannon", "shirley", "shona", "sylvia", "vera",
        # men and boys
        "aaron", "adam", "adrian", "ahmed", "alan", "alasdair", "albert", "aled", "alex",
        "alexander", "alfie", "ali", "alistair", "allan", "amir", "amit", "andrei", "andrew",
        "andy", "angus", "anil", "anthony", "archie", "arjun", "arnold", "art", "arthur", "barry",
        "ben", "benjamin", "bilal", "bill", "bob", "brian", "caleb", "callum", "calum", "cameron",
        "charles", "charlie", "chinedu", "chris", "christopher", "cian", "ciaran", "clive",
        "colin", "conor", "connor", "craig", "dafydd", "dan", "daniel", "danny", "darren",
        "dave", "david", "dean", "declan", "deepak", "dennis", "derek", "dewi", "dominic",
        "donald", "douglas", "drew", "duncan", "dylan", "edward", "elijah", "elliot", "elliott",
        "emeka", "emyr", "eoin", "eric", "ernest", "ethan", "euan", "ewan", "felix", "femi",
        "finley", "francis", "frank", "fraser", "freddie", "frederick", "gabriel", "gareth",
        "gary", "geoff", "geoffrey", "george", "gethin", "gordon", "graham", "gurdeep", "hamish",
        "hamza", "harold", "harrison", "harry", "hassan", "henry", "howard", "hugo", "hussain",
        "huw", "iain", "ian", "ibrahim", "imran", "isaac", "iwan", "jack", "jacob", "jake",
        "jakub", "james", "jamie", "jasper", "jaswinder", "jay", "jayden", "jim", "jimmy", "joe",
        "joel", "john", "jon", "jonathan", "jordan", "joseph", "josh", "joshua", "julian",
        "keith", "ken", "kenneth", "kevin", "kieran", "kit", "kofi", "krzysztof", "kwabena",
        "kwame", "kyle", "leo", "leonard", "lewis", "liam", "logan", "louis", "lucas", "lukasz",
        "luke", "malcolm", "marek", "mark", "martin", "mason", "mateusz", "matt", "matthew",
        "max", "michael", "mick", "mike", "miles", "mohammad", "mohammed", "muhammad",
        "nathan", "nathaniel", "neil", "niall", "nicholas", "nick", "nigel", "noah", "norman",
        "obinna", "oisin", "oliver", "omar", "oscar", "owain", "padraig", "patrick", "paul",
        "pawel", "pete", "peter", "phil", "philip", "piotr", "rahul", "raj", "ravi", "ray",
        "raymond", "reggie", "reuben", "rhys", "richard", "rob", "robbie", "robert", "roger",
        "rohan", "ronald", "ronnie", "rory", "ross", "roy", "rupert", "russell", "ryan", "sam",
        "samuel", "sanjay", "scott", "sean", "sebastian", "segun", "simon", "sion", "stanley",
        "stephen", "steve", "steven", "stewart", "stuart", "sunil", "tariq", "teddy", "terence",
        "terry", "theo", "theodore", "thomas", "tim", "timothy", "toby", "tom", "tomasz",
        "tommy", "tony", "trevor", "tunde", "tyler", "usman", "victor", "vijay", "vincent",
        "walter", "wilfred", "will", "william", "yusuf", "zach", "zachary", "zain",
        "carl", "gavin", "glenn", "jamal", "jason", "jeff", "jeremy", "jerome", "lee", "marcus",
        "shane", "shaun", "tyrone", "wayne",
    }
)  # fmt: skip

# First names that are also ordinary English words. At the start of a sentence they are taken
# as names only with a surname after them or a cue before them.
AMBIGUOUS_NAMES = frozenset(
    {
        "amber", "art", "bill", "blessing", "bob", "carol", "daisy", "dawn", "dean", "drew",
        "faith", "frank", "grace", "harry", "hazel", "heather", "holly", "hope", "iris", "ivy",
        "jack", "jade", "jasmine", "jay", "joy", "kit", "lily", "mark", "max", "miles", "nick",
        "norman", "pat", "pearl", "poppy", "precious", "ray", "rob", "rose", "ruby", "sue",
        "teddy", "violet", "will", "willow",
        "april", "jan", "june", "may",
    }
)  # fmt: skip

# Names that are usually something else even in the middle of a sentence (months, "Art
# therapy", "Hope Centre", "Faith groups"): they need a surname or a cue wherever they are.
STRICT_NAMES = frozenset({"april", "art", "faith", "hope", "jan", "june", "may"})

# Titles that make the capitalised word after them a name; the abbreviated ones may take a dot.
ABBREVIATED_TITLES = frozenset({"Dr", "Fr", "Mr", "Mrs", "Ms", "Mx", "Prof", "Rev", "Revd"})
TITLES = frozenset(
    {
        "Dame", "Doctor", "Dr", "Father", "Fr", "Miss", "Mr", "Mrs", "Ms", "Mx", "Nurse",
        "Prof", "Professor", "Rev", "Revd", "Reverend", "Sir", "Sister",
        # family words used as titles ("Auntie Bev", "Uncle Tunde")
        "Aunt", "Aunty", "Auntie", "Uncle", "Nan", "Nana", "Nanna", "Grandma", "Grandad",
    }
)  # fmt: skip

# Capitalised words that never continue a name as a surname: sentence openers, days and the
# words of place, service and role names ("Sarah Hospital" is not a person's name).
NOT_SURNAMES = frozenset(
    {
        "a", "about", "after", "all", "also", "always", "an", "and", "are", "as",
        "assistant", "at", "because", "before", "befriender", "both", "but", "by", "cafe",
        "called", "can", "center", "centre", "christmas", "class", "classes", "clinic",
        "club", "college", "community", "consultant", "coordinator", "could", "council",
        "counsellor", "crisis", "day", "days", "dear", "did", "do", "doctor", "does",
        "easter", "eid", "even", "every", "everyone", "for", "foundation", "friday", "from",
        "group", "groups", "had", "has", "have", "he", "health", "hello", "her", "here",
        "hi", "his", "hiya", "holiday", "holidays", "hospital", "hub", "i", "if", "in",
        "is", "it", "its", "just", "lead", "library", "manager", "mental", "mentor",
        "monday", "my", "name", "named", "network", "never", "night", "no", "not", "nurse",
        "of", "officer", "on", "or", "our", "peer", "practice", "practitioner", "programme",
        "project", "psychiatrist", "psychologist", "really", "recovery", "road", "saint",
        "saturday", "school", "service", "services", "session", "sessions", "she", "should",
        "so", "st", "station", "still", "street", "sunday", "support", "supporter",
        "surgery", "team", "thank", "thanks", "that", "the", "their", "then", "therapist",
        "therapy", "there", "these", "they", "this", "those", "thursday", "to", "today",
        "tomorrow", "trust", "tuesday", "unit", "university", "very", "volunteer", "was",
        "we", "wednesday", "week", "were", "when", "while", "with", "worker", "workers",
        "workshop", "would", "yes", "yesterday", "you", "your",
    }
)  # fmt: skip

# Lower-case words that may sit inside a surname ("de la Cruz", "van der Berg").
SURNAME_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von"}
)

# A first name right after one of these is part of a place ("St Mary's", "Queen Elizabeth").
PLACE_PREFIXES = frozenset({"king", "lady", "prince", "princess", "queen", "royal", "saint", "st"})

# Words that are never a person's name however they are placed: capitalised sentence openers
# and the words that often follow a role ("my PSW Team", "Honestly my PSW was great").
NOT_NAMES = frozenset(
    {
        "actually", "again", "although", "anyway", "basically", "bank", "being", "best",
        "big", "both", "care", "definitely", "did", "does", "eventually", "everybody",
        "everything", "first", "generally", "god", "good", "great", "having", "however",
        "initially", "instead", "it's", "last", "lately", "later", "lots", "maybe", "meeting",
        "more", "most", "much", "now", "nobody", "nothing", "once", "only", "other",
        "overall", "patients", "people", "perhaps", "personally", "please", "rehab",
        "recently", "same", "second", "since", "some", "somebody", "someone", "something",
        "sometimes", "soon", "sorry", "staff", "such", "then", "things", "though", "through",
        "too", "until", "usually", "well", "what", "whatever", "where", "which", "who",
        "why", "without", "yet", "ward", "wards", "appointments", "appointment", "meds",
        "medication", "coffee", "tea", "lunch", "dinner", "breakfast", "english", "british",
        "irish", "welsh", "scottish", "polish", "african", "asian", "caribbean", "muslim",
        "christian", "hindu", "sikh", "jewish", "catholic", "zoom", "teams", "whatsapp",
        "facebook", "google", "covid", "lockdown", "january", "february", "march", "july",
        "august", "september", "october", "november", "december", "ramadan", "diwali",
        "eid", "christmas", "christmases", "easter", "mum", "dad", "mother", "father",
        "brother", "sister",
        "son", "daughter", "wife", "husband", "partner", "friend", "friends", "family",
        "kids", "children", "nan", "grandma", "grandad", "doctors", "nurses", "police",
        # verbs that open a request ("Get the peer worker to...", "See a PSW")
        "see", "get", "ask", "need", "want", "give", "make", "keep", "let", "tell", "contact",
        "speak", "talk", "employ", "hire", "recruit", "train", "pay", "provide", "offer",
        "bring", "allow", "meet", "visit", "use", "put", "felt", "feel", "thank", "thankyou",
        "saw", "got", "went", "came",
        "everyone", "they", "we", "he", "she", "you", "i", "nhs", "council", "government",
        # languages, and organisations people name in answers
        "arabic", "bengali", "cantonese", "french", "gujarati", "mandarin", "punjabi",
        "somali", "spanish", "tamil", "turkish", "urdu", "yoruba", "igbo", "twi", "romanian",
        "mind", "rethink", "samaritans", "tesco", "asda", "aldi", "lidl", "sainsbury's",
        "primark", "netflix", "youtube", "instagram", "tiktok", "ikea", "greggs",
        # medicines
        "clozapine", "clozaril", "olanzapine", "risperidone", "aripiprazole", "quetiapine",
        "haloperidol", "lithium", "sertraline", "fluoxetine", "citalopram", "mirtazapine",
        "venlafaxine", "diazepam", "lorazepam", "zopiclone", "depakote", "valproate",
        "lamotrigine", "paliperidone", "depot", "methadone", "paracetamol", "pregabalin",
        "gabapentin", "promethazine", "procyclidine", "buprenorphine", "naltrexone",
    }
)  # fmt: skip

# All-capital words that are abbreviations, not names written in capitals.
ACRONYMS = frozenset(
    {
        "a&e", "ae", "adhd", "dob", "ahp", "amhp", "asd", "bme", "cbt", "cmht", "cpa", "cpn",
        "crhtt",
        "dbt", "dna", "dols", "dr", "ect", "eip", "emdr", "fft", "gp", "hca", "hr", "it", "ld",
        "lgbt", "mdt", "mha", "mh", "nhs", "nice", "ocd", "ot", "pa", "pals", "picu", "psw",
        "ptsd", "qr", "rc", "rmn", "sms", "sw", "tv", "uk", "wrap",
    }
)  # fmt: skip

# Verbs that, right after a capitalised word, show it is a person ("Rose helped me").
PERSON_VERBS = frozenset(
    {
        "asked", "believed", "cared", "chatted", "encouraged", "explained", "helped",
        "introduced", "laughed", "listened", "phoned", "rang", "reassured", "said", "sat",
        "smiled", "spoke", "supported", "talked", "texted", "told", "understood", "visited",
    }
)  # fmt: skip

# Words before a place word ("Ward", "House", "Centre"...) that make it a kind of service,
# not a named place ("the Crisis House", "Recovery College", "the acute ward").
GENERIC_PLACE_WORDS = frozenset(
    {
        "a&e", "acute", "addiction", "addictions", "admission", "admissions", "adult",
        "adults", "alcohol", "another", "any", "assessment", "baby", "bad", "best", "big",
        "busy", "care", "carer", "carers", "children's", "childrens", "community", "cottage",
        "council", "crisis", "current", "day", "dementia", "dental", "detox", "different",
        "disabilities", "disability", "disorder", "disorders", "district", "doctor's",
        "doctors", "down", "drop-in", "drug", "eating", "elderly", "emergency", "empty",
        "entire", "every", "family", "female", "forensic", "full", "general", "good", "great",
        "group", "half", "halfway", "health", "high", "home", "horrible", "hostel",
        "inpatient", "intensive", "learning", "little", "local", "locked", "lovely", "low",
        "main", "male", "maternity", "medical", "medium", "men's", "mental", "mixed", "mother",
        "new", "next", "nhs", "nice", "normal", "nursing", "old", "older", "one", "open",
        "other", "outpatient", "own", "peer", "previous", "private", "psw", "psych",
        "psychiatric", "psychiatry", "quiet", "regular", "rehab", "rehabilitation",
        "residential", "resource", "respite", "right", "safe", "safety", "same", "secure",
        "section", "small", "staff", "step", "step-down", "substance", "support", "supported",
        "surgical", "terrible", "third", "treatment", "triage", "two", "usual", "wellbeing",
        "well-being", "whole", "women's", "worst", "wrong", "young", "youth", "recovery", "job",
        "jobcentre",
        "sports", "leisure", "arts", "art", "music", "faith", "church", "citizens",
    }
)  # fmt: skip
