"""Whether "he" or "she" can stand for a person, from a first name the text gives.

A small curated list of common English first names that nearly always name a man or a woman
(names used for both, such as Chris, Pat, Kim, Jean, Andrea, Robin, Marion, Kelly, Glenn or
Evelyn, are left out). Titles ("Mr", "Ms.") tell first; this is for people the text names
without one ("Bill Clinton", "Louise Slaughter"), so that "she said" after both is the one
it can be.
"""

from __future__ import annotations

_MEN = frozenset("""
aaron abdul abdullah adam adrian ahmed al alan albert alberto alexander alfred ali allan alvin
andre andrew andy angelo anthony antonio arnold arthur barry ben benjamin bernard bert bill
billy bob bobby boris brad bradley brandon brian bruce bryan calvin carl carlos cecil charles
charlie chuck clarence claude clifford clint clinton colin craig curtis dan daniel danny darren
dave david dean dennis derek dick don donald doug douglas duane dwight earl eddie edgar edward
edwin eric ernest eugene frank franklin fred frederick gary gene geoffrey george gerald gilbert
gordon graham greg gregory harold harry harvey hector henry herbert howard hugh ian isaac jack
jacob jake james jason jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny
jon jonathan jorge jose joseph juan julian justin karl keith ken kenneth kevin kurt lance larry
lawrence leo leon leonard lewis lloyd louis luis luke malcolm manuel marcus mario mark martin
marvin matt matthew maurice max melvin michael miguel mike mikhail milton mohammed muhammad
nathan neil nelson nicholas nick nigel norman oliver oscar patrick paul pedro peter philip
phillip ralph ramon randall randy ray raymond richard rick ricky rob robert roberto rodney
roger roland ronald roy russell ryan samuel scott sean sergei seth shawn simon stanley stephen
steve steven stuart ted terrence theodore thomas tim timothy todd tom tommy tony travis troy
vernon victor vincent vladimir walter warren wayne wesley wilbur william willie yuri zachary
""".split())

_WOMEN = frozenset("""
abigail ada agnes alice alicia alison amanda amber amy ana angela angelina anita ann anna anne
annette annie annika april barbara beatrice becky betty beverly bonnie brenda bridget carla
carmen carol caroline carolyn catherine cathy charlotte cheryl christina christine cindy claire
clara claudia colleen connie cynthia daisy daphne darlene dawn debbie deborah debra denise
diana diane dolores donna doris dorothy edith edna eileen elaine eleanor elena elizabeth ella
ellen emily emma erica erin esther ethel eva fiona florence frances gail gertrude gina gladys
gloria grace gwen hannah harriet hazel heather heidi helen helga hillary ida irene iris isabel
jacqueline jane janet janice jennifer jessica jill joan joanne josephine joyce judith judy
julia julie june karen katherine kathleen kathryn kathy katie laura lauren linda lisa lois
loretta lorraine louise lucy lydia madeleine madeline maggie marcia margaret maria marian marie
marilyn marjorie martha mary maureen megan melanie melissa michelle mildred miriam molly monica
nancy naomi natalie nicole nina nora norma olga pamela patricia paula pauline peggy penny
phyllis rachel rebecca regina rita roberta rosa rose rosemary ruth sally samantha sandra sara
sarah sharon sheila shirley sonia sophie stella stephanie sue susan suzanne sylvia tamara
teresa theresa tina ursula valerie vanessa vera victoria violet virginia wanda wendy yolanda
yvonne
""".split())


def gender_of_first_name(name: str) -> str | None:
    """"m" or "f" for a full name whose first word is a listed first name, else None."""
    words = name.split()
    if len(words) < 2:
        return None  # "Clinton" alone: a surname, and surnames tell nothing
    first = words[0].lower()
    if first in _MEN:
        return "m"
    if first in _WOMEN:
        return "f"
    return None


def is_first_name(word: str) -> bool:
    """Whether a word is one of the listed first names ("Sharon", "Clinton")."""
    return word.lower() in _MEN or word.lower() in _WOMEN
