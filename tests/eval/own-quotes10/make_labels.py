#!/usr/bin/env python3
"""Writes labels10.toml from the table below (article stem, quote, speaker, pattern)."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
U = "unattributed"
CPA = "cpa-tavrin-talks-open-2027-03-03"
WC = "westbury-chronicle-fee-gap-2027-03-05"
CT = "clearwater-tribune-wagons-freed-2027-03-08"
DR = "daily-rattle-stoker-storms-out-2027-03-09"
BR = "borderline-radio-osselbek-couple-2027-03-10"
LG = "longitude-signalwoman-profile-2027-03-11"
TNB = "tnb-live-osselbek-outline-2027-03-12"
MFA = "vessaline-mfa-signing-transcript-2027-03-14"

L = [
# --- wire (CPA), straight ASCII quotes
(CPA, "the trains will not wait for lawyers.", "Saskia Vondermuhl", "partial quote in lede after role only (\"the Vessaline mediator warning\"); the only mediator, named in the next paragraph"),
(CPA, "long on history and short on timetables.", "Saskia Vondermuhl", "partial quote after \"She told reporters\"; she = the woman just introduced by \"chaired by\" + appositive"),
(CPA, "I asked each side to bring me one thing they could give up by Friday,", "Saskia Vondermuhl", "surname after quote (Vondermuhl said)"),
(CPA, "Both of them brought me a list of things the other side should give up.", "Saskia Vondermuhl", "second sentence after said, no new attribution"),
(CPA, "a whole economy hostage in a railway siding.", "Radko Pelliset", "partial quote after title + full name + relative clause + said"),
(CPA, "We built that line, we paid for that line, and we have run it for ninety years,", "Radko Pelliset", "surname after quote (Pelliset said)"),
(CPA, "Nobody asked Ulmbrant's permission in 1937 and nobody needs it now.", "Radko Pelliset", "second sentence after said, no new attribution"),
(CPA, "The rails are Quarsevian. The ground under them is ours,", "Feodor Askvand", "attributed by the sentence before (\"rejected that account\") + \"he said\""),
(CPA, "A country that wants to cross our land can pay for the privilege like everyone else.", "Feodor Askvand", "second half after \"he said\""),
(CPA, "not a number anyone invented on a napkin.", "Marit Askvand", "partial quote after \"told CPA the fee was\"; shared surname settled by full name"),
(CPA, "We costed every kilometre of track maintenance, every crossing guard, every night the people of Osselbek lie awake listening to wagons,", "Marit Askvand", "\"she said\" in the paragraph after; the only woman in reach"),
(CPA, "every day of delay is paid for by farmers on both sides of the border.", "body: the Quarsevian Transport Ministry", "ministry \"said in a statement\" + that-clause"),
(CPA, "Osselbek is not a tunnel for other people's trains. It is a town. Our town.", "Ottilie Brask", "social-media post (\"wrote on X\") with title + full name before colon"),
(CPA, "Our Sidings, Our Say.", U, "banner text, no speaker"),
(CPA, "My town has been a border for three hundred years and a bargaining chip for seven weeks,", "Hanne Ruttiger", "surname after quote (Ruttiger said); only one Ruttiger in the article"),
(CPA, "I would like it to go back to being a town.", "Hanne Ruttiger", "second sentence after said"),
(CPA, "further apart on Osselbek than on money.", "body: a Vessaline diplomat", "unnamed source speaking on condition of anonymity"),
(CPA, "to sit in canteens and watch the news.", "body: Tavrin Freight Lines", "company \"said in a separate statement\""),
(CPA, "as long as it takes, and not a day longer,", "Radko Pelliset", "partial quote after \"told reporters he would stay\""),
(CPA, "booked rooms through the end of the month.", "Feodor Askvand", "bare surname with two Askvands in the article, settled by \"his delegation\" (Marit is a woman)"),
# --- British broadsheet (The Westbury Chronicle), Mr/Ms
(WC, "We have found three euros of common ground,", "Radko Pelliset", "Mr + surname after quote; attributed by the sentence before too"),
(WC, "At this rate we will meet in the middle sometime around Easter.", "Radko Pelliset", "second sentence after said"),
(WC, "welcome but not sufficient", "Feodor Askvand", "partial quote after \"Mr Askvand said\"; Mr settles the shared surname"),
(WC, "a cheaper version of the same humiliation", "Feodor Askvand", "partial quote after \"adding that\""),
(WC, "A map is a drawing. A treaty is a promise. Today we only had drawings.", U, "\"he said\" after \"The two men\" (Pelliset and Askvand): not settled"),
(WC, "I was born two streets from that station,", "Marit Askvand", "Ms + surname after quote; Ms settles the shared surname"),
(WC, "When I was a girl, the Quarsevian guards used to wave us off the platform as if we were the visitors.", "Marit Askvand", "second sentence of an open-ended quote paragraph"),
(WC, "I do not intend to negotiate my own childhood back into their hands.", "Marit Askvand", "continuation paragraph (previous paragraph's quote left open), no attribution"),
(WC, "The line does not know where the border is, and it is better that way,", "Anselm Pelliset", "quote inside a quote: Radko Pelliset quoting his grandfather, named in the sentence before"),
(WC, "My grandfather used to say,", "Radko Pelliset", "outer quote, \"he said\" after the quote; he = Mr Pelliset, subject of the sentence before"),
(WC, "I think he was right, and I think Ms Askvand\u2019s grandfather would have said the same.", "Radko Pelliset", "second part of outer quote, no new attribution"),
(WC, "I am a mediator,", "Saskia Vondermuhl", "split quote, first half (Ms Vondermuhl said)"),
(WC, "not a weather forecaster. Ask me on Monday whether it rained.", "Saskia Vondermuhl", "split quote, second half"),
(WC, "The children climb on them,", "Hanne Ruttiger", "\"she told the Chronicle\"; she = the mayor of the sentence before"),
(WC, "Last week a boy fell from one. Nobody in Bad Lirren has mentioned him once.", "Hanne Ruttiger", "continuation after \"she told the Chronicle\""),
(WC, "will not trade sovereignty for freight tariffs", "Ottilie Brask", "partial quote of a social-media post (\"writing that\")"),
(WC, "unhelpful, and frankly a little theatrical", "body: a spokesperson for the Quarsevian foreign ministry", "unnamed spokesperson \"called the post\""),
(WC, "within a fortnight if Ulmbrant wants them to", "body: one Quarsevian official", "unnamed official"),
(WC, "to count wagons, not to make speeches", "Ilsabet Korrowin", "partial quote after \"Ms Korrowin ... said only that she had come\""),
# --- US paper (The Clearwater Tribune), Mr./Ms.
(CT, "This is not peace, it is plumbing,", "Saskia Vondermuhl", "Ms. + surname after quote"),
(CT, "But you cannot build a house if the pipes are blocked.", "Saskia Vondermuhl", "second sentence after said"),
(CT, "We argued about the paint on the wagons, for heaven\u2019s sake,", U, "\"she said\" after \"The two women\" (Korrowin and Askvand): not settled"),
(CT, "tight but tolerable.", "Ilsabet Korrowin", "partial quote after \"Ms. Korrowin later told reporters\""),
(CT, "what goes through Osselbek is Osselbek\u2019s business.", "Marit Askvand", "partial quote after \"Ms. Askvand said ... because\"; Ms. settles the shared surname"),
(CT, "Some of that grain will be fit only for pigs by now,", "Jurek Halvorsk", "verb before name (said Jurek Halvorsk) + title"),
(CT, "I would rather it went to pigs than stayed in a siding, frankly.", "Jurek Halvorsk", "second sentence after said"),
(CT, "You do not get a train driver back once he has learned to love the motorway,", "Jurek Halvorsk", "\"he said\" after \"Mr. Halvorsk added\""),
(CT, "We will believe it when we hear the first wagon leave,", "Hanne Ruttiger", "role only (\"the mayor said\"); one mayor, named in the sentence before"),
(CT, "You can hear everything in this town. We will know.", "Hanne Ruttiger", "continuation after \"the mayor said\""),
(CT, "a gift wrapped in our own flag.", "Benedek Stroyl", "partial quote after \"called it\""),
(CT, "Not One Sleeper More,", U, "party slogan painted on walls, no speaker"),
(CT, "does not prejudge in any way the final status of Osselbek station.", "body: Ulmbrant\u2019s interior ministry", "ministry \"said in a statement\""),
(CT, "Trains moving is better than trains rusting,", "Radko Pelliset", "Mr. + surname after quote"),
(CT, "Next we get the people moving.", "Radko Pelliset", "second sentence after said"),
(CT, "Everything is on the agenda,", "Feodor Askvand", "split quote in its own paragraph, Mr. Askvand said (the sentence before names Feodor Askvand)"),
(CT, "and nothing is on the agenda until it is on the agenda.", "Feodor Askvand", "split quote, second half"),
(CT, "My children see me on a screen,", "body: a Quarsevian commuter", "unnamed commuter (\"asked that her name not be used\") + \"she said\""),
(CT, "That is not a mother. That is a television program.", "body: a Quarsevian commuter", "continuation after \"she said\""),
# --- tabloid (The Daily Rattle)
(DR, "the Stoker", U, "nickname, not a quotation"),
(DR, "the Professor", U, "nickname, not a quotation"),
(DR, "couldn't find a smuggled elephant in a sleeping car", "Radko Pelliset", "partial quote after \"suggested\"; subject is the Professor = Radko Pelliset"),
(DR, "He insults my officers, he insults my country, he insults the elephant,", "Feodor Askvand", "nickname after quote (the Stoker roared)"),
(DR, "I have had enough of this professor and his jokes.", "Feodor Askvand", "second sentence after roared"),
(DR, "If he wants fewer jokes, he should make fewer demands.", "Radko Pelliset", "surname + colourful verb before colon (Pelliset sneered back:)"),
(DR, "It was all handshakes at lunch and handbags by dinner,", "body: one delegate", "unnamed delegate (\"blabbed\")"),
(DR, "Auntie Saskia", U, "nickname, not a quotation"),
(DR, "Boys, boys, the elephant is not on the agenda,", "Saskia Vondermuhl", "\"she pleaded, according to a source in the room\"; she = the mediator of the paragraph before"),
(DR, "the Quiet One", U, "nickname, not a quotation"),
(DR, "The Professor can laugh in Quarsevia. In Osselbek nobody laughs about the border.", U, "bare \"Askvand\" right after both Askvand siblings: not settled"),
(DR, "Ulmbrant's officers can find anything, including the way out of bad negotiations,", "Ottilie Brask", "social-media post (\"she posted on X\"); nickname Iron Ottilie + full name before"),
(DR, "I've had a view of rusty grain trucks for seven weeks. I'd like my view of the hills back.", "Wendel Fasskamp", "name + age + relative clause, verb before colon (growled:)"),
(DR, "My town has become a punchline. I'd rather it was a postcard.", "Hanne Ruttiger", "role + name + \"told the Rattle:\""),
(DR, "Jolly Jurek", U, "nickname, not a quotation"),
(DR, "They argue about elephants while my drivers are leaving for lorry jobs,", "Jurek Halvorsk", "attributed by the sentence before (\"blasted both sides\") + \"he raged\""),
(DR, "If this is diplomacy, I'd rather have a timetable.", "Jurek Halvorsk", "second sentence after raged"),
(DR, "Our station, our stamps!", "body: a crowd of about 200", "chant by a protest crowd"),
(DR, "Sleeper", U, "nickname, not a quotation (the same word also stands inside the slogan)"),
(DR, "Not One Sleeper More", U, "party slogan daubed on walls, no speaker"),
(DR, "They freed the wagons today,", "Benedek Stroyl", "attributed by the sentence before (\"whipped up the crowd\") + \"he bellowed\""),
(DR, "Tomorrow they will free the whole line, and the day after they will free Osselbek from Ulmbrant.", "Benedek Stroyl", "second sentence after bellowed"),
(DR, "Ministers shout, wagons roll,", "Ilsabet Korrowin", "\"she smirked\" after title + full name"),
(DR, "I only care about the second part.", "Ilsabet Korrowin", "second sentence after smirked"),
(DR, "a light-hearted comment taken out of context", "body: a spokesman for Quarsevia's foreign ministry", "unnamed spokesman \"insisted\""),
# --- radio story with transcript excerpt (Borderline Radio, The Crossing)
(BR, "Quiet,", "Oskar Ruttiger", "\"he told the programme\"; he = Oskar Ruttiger of the sentence before"),
(BR, "Too quiet. A station master without trains is like a priest without a congregation. You still unlock the doors in the morning, but you wonder why.", "Oskar Ruttiger", "continuation after \"he told the programme\""),
(BR, "Half my neighbours work for the railway and half of them work for the customs post,", "Hanne Ruttiger", "full name in the sentence before + \"she said\""),
(BR, "At the moment the railway people want the trains back and the customs people want the stamps back, and they all drink in the same pub.", "Hanne Ruttiger", "second part after \"she said\""),
(BR, "We agree on almost everything except the heating,", U, "bare \"Ruttiger\" with a husband and wife sharing the surname: not settled"),
(BR, "I have a flag for it,", "Oskar Ruttiger", "attributed by the sentence before (full name) + \"he said\""),
(BR, "It is the old green flag from 1961. I have not waved it for seven weeks.", "Oskar Ruttiger", "second part after \"he said\""),
(BR, "Do you trust the people in that pavilion?", "Lotte Vannemark", "transcript speaker tag (VANNEMARK:), not in quotation marks"),
(BR, "I trust Saskia Vondermuhl. I trust her more than I trust my own delegation, which is not something a mayor should say on the radio.", "Hanne Ruttiger", "transcript speaker tag (HANNE RUTTIGER:), not in quotation marks"),
(BR, "You just said it.", "Lotte Vannemark", "transcript speaker tag (VANNEMARK:)"),
(BR, "Then I will deny it tomorrow.", "Hanne Ruttiger", "transcript speaker tag (HANNE RUTTIGER:)"),
(BR, "Is there a version of this where everyone gets what they want?", "Lotte Vannemark", "\"Vannemark then asked ... :\", question sent in by listeners but asked by the presenter"),
(BR, "A good station has two clocks and one time,", "body: Oskar Ruttiger's old boss", "quote inside a quote: the station master quoting his unnamed old boss"),
(BR, "My old boss used to say,", "Oskar Ruttiger", "outer quote, full name after (Oskar Ruttiger said); role (the station master) in the sentence before"),
(BR, "That is what Osselbek needs. Quarsevian clocks, Ulmbrant clocks, one time.", "Oskar Ruttiger", "second part of outer quote"),
(BR, "He has started baking,", "Bertilde", "caller named by first name and town + \"she said\""),
(BR, "The bread is very bad. Please, somebody, open the line.", "Bertilde", "second part after \"she said\""),
(BR, "It is forty minutes by train,", "Aurel", "caller named by first name and town + \"he said\""),
(BR, "It is now a whole country away.", "Aurel", "second sentence after \"he said\""),
(BR, "Give Osselbek to Vessaline and let them sort it out.", "body: a listener", "listener's text message read out on air"),
(BR, "fairly sure Vessaline would say no thank you.", "Lotte Vannemark", "partial quote after \"Vannemark replied that she was\""),
(BR, "ready to run the first train the hour a deal is signed", "body: the Osselbek Railworkers' Union", "union statement read out on the programme"),
(BR, "Sleep,", "Hanne Ruttiger", "verb before full name (said Hanne Ruttiger)"),
(BR, "Work,", "Oskar Ruttiger", "role only after verb (said her husband): the mayor's husband is Oskar Ruttiger"),
(BR, "Then sleep.", "Oskar Ruttiger", "second part after \"said her husband\""),
# --- magazine profile, present tense (The Longitude)
(LG, "Osselbek (frontier)", U, "text printed in a 1937 timetable, no speaker"),
(LG, "That word in brackets is the whole negotiation,", "Saskia Vondermuhl", "\"she says\" in present tense; she = the profile's subject"),
(LG, "Everybody wants to take the brackets off. Nobody agrees which way.", "Saskia Vondermuhl", "second part after \"she says\""),
(LG, "Diplomats are trained to find the words that let everyone go home,", "Saskia Vondermuhl", "attributed by the sentence before (\"she says so often\") + \"she says\""),
(LG, "Regulators are trained to find the bolt that is loose. I am looking for the bolt.", "Saskia Vondermuhl", "second part after \"she says\""),
(LG, "Lirren method", U, "coined term for her approach, not a quotation"),
(LG, "Never let two trains into the same section. Everything else is detail,", "Emmerich Vondermuhl", "quote inside a quote: Saskia Vondermuhl quoting her father, named in the sentence before"),
(LG, "He told me,", "Saskia Vondermuhl", "outer quote + \"she says\""),
(LG, "I have been thinking about that sentence for a month.", "Saskia Vondermuhl", "second part of outer quote"),
(LG, "the most patient person I have ever been shouted at by", "Radko Pelliset", "partial quote after \"calls her\" (present tense)"),
(LG, "She is fair,", "Feodor Askvand", "surname after quote (Askvand says); only one Askvand in this article"),
(LG, "That is all I am permitted to say about a mediator while the talks are going on.", "Feodor Askvand", "second sentence after says"),
(LG, "I am not a passenger on her train,", U, "\"One of them\" of the two men, \"he says\": not settled"),
(LG, "has never once raised her voice, which is far more frightening", "Ines Calderwick", "partial quote after \"Calderwick describes a boss who\""),
(LG, "We put a bucket under it and called it the third party,", U, "\"she says\" after \"The two women\" (Vondermuhl and Calderwick): not settled"),
(LG, "understands trains better than she understands borders", "body: a senior Ulmbrant official", "unnamed official who asked not to be named"),
(LG, "Vessaline Go Home", U, "poster text, no speaker"),
(LG, "She came to see the sidings herself. Nobody else from Bad Lirren has.", "Hanne Ruttiger", "role + full name before colon"),
(LG, "If both sides are a little angry with me, I am probably standing in the right place,", "Saskia Vondermuhl", "attributed by the sentence before (Vondermuhl is unbothered) + \"she says\""),
(LG, "I judge mediators by their results, and the results are not in yet.", "Ottilie Brask", "surname + \"offered a single line:\""),
(LG, "The wagons were the easy part,", "Ines Calderwick", "surname after quote (Calderwick says)"),
(LG, "Wagons do not have grandfathers.", "Ines Calderwick", "second sentence after says"),
(LG, "It is a small bribe,", "Saskia Vondermuhl", "\"she says\" after Vondermuhl is the subject of the sentence before"),
(LG, "But a very old one.", "Saskia Vondermuhl", "second sentence after says"),
# --- live blog, reverse chronological (TNB News live)
(TNB, "Ulmbrant officers will stamp every wagon at Osselbek. That was our red line and it holds. Good night.", "Ottilie Brask", "social-media post (\"has posted on X:\") with title + full name"),
(TNB, "Two desks in one station is one desk too many. We will fight this in parliament.", "Benedek Stroyl", "video on party channels, \"he says:\" after full name"),
(TNB, "Ulmbrant Stamps Only", U, "banner text, no speaker"),
(TNB, "My grandmother crossed at Osselbek every day for forty years to sell eggs. She would have been glad to hear this tonight.", "Matthias", "reader's email, first name and town"),
(TNB, "They will need a card, a photograph and a little patience,", "Ilsabet Korrowin", "surname after quote (Korrowin said); full name in the sentence before"),
(TNB, "But they will be able to go to work.", "Ilsabet Korrowin", "second sentence after said"),
(TNB, "once the timetables are rewritten, which takes longer than you would think", "Ilsabet Korrowin", "role only (\"The transport minister added\"); the only transport minister in the blog"),
(TNB, "relieved rather than triumphant", "Dagny Whitlowe", "the blog's own correspondent, partial quote after \"says the mood ... is\""),
(TNB, "I watched the two chief negotiators shake hands. Neither of them smiled, but neither of them let go first.", "Dagny Whitlowe", "\"She adds:\"; she = the correspondent"),
(TNB, "twin desk", U, "scare quotes around a term, no speaker"),
(TNB, "We have not given away one square metre,", "Feodor Askvand", "full name in the sentence before + \"he says\""),
(TNB, "The officers at Osselbek will be Ulmbrant officers, and anyone who tells you otherwise has not read the text.", "Feodor Askvand", "second part after \"he says\""),
(TNB, "The Quarsevian officers will be our guests. Well-behaved guests, I hope.", "Feodor Askvand", "next paragraph, \"he adds:\""),
(TNB, "Nine euros is more than we wanted to pay and less than they wanted to charge, which is how you know it is fair,", "Radko Pelliset", "full name in the sentence before + \"he says\""),
(TNB, "Read it again, it says five years, not five months,", U, "\"the minister snaps\" after \"The two ministers\": not settled"),
(TNB, "Tonight we have an outline, not a treaty. An outline is what you draw before you build something. Please do not move into it yet.", "Saskia Vondermuhl", "full name + \"opens:\""),
(TNB, "imminent, in the diplomatic sense of the word", "body: a spokesperson for the Vessaline foreign ministry", "unnamed spokesperson \"tells TNB\""),
(TNB, "If the fee is under ten euros, I can run trains. If it is over ten, I can run a museum.", "Jurek Halvorsk", "full name + title + \"tells TNB by phone:\""),
(TNB, "nine, not a cent more", "body: a Quarsevian diplomat", "\"According to a Quarsevian diplomat\""),
(TNB, "a long day and a short night", "Marit Askvand", "partial quote after \"said on her way in that she expected\""),
# --- official transcript (Vessaline Ministry of Foreign Affairs)
(MFA, "Osselbek Accord", U, "agreement name in quotation marks"),
(MFA, "Vessaline is proud to have hosted them, and prouder still of our envoy, who did the work.", "Aurelio Brandtmeer", "transcript speaker tag with title and full name"),
(MFA, "I will be brief, because the trains have waited long enough.", "Saskia Vondermuhl", "transcript speaker tag (SPECIAL ENVOY SASKIA VONDERMUHL:)"),
(MFA, "I accept the timetable and I promise to return it in ninety years.", "Radko Pelliset", "transcript speaker tag"),
(MFA, "The station at Osselbek shall serve both countries and belong to one.", "body: Article 4 of the Osselbek Accord", "treaty text quoted by a speaker (Pelliset), no human speaker"),
(MFA, "We came here to protect Osselbek, and we have.", "Feodor Askvand", "transcript speaker tag"),
(MFA, "My sister Marit, who sat beside me every day, deserves more credit than I do, and I will deny having said that.", "Feodor Askvand", "transcript speaker tag"),
(MFA, "Mr Stroyl says many things. He has not read the agreement.", "Feodor Askvand", "transcript speaker tag with title + surname only (INTERIOR MINISTER ASKVAND); the only Askvand speaking"),
(MFA, "If I announce a train and it is late, you will blame me, and you will be right.", "Saskia Vondermuhl", "transcript speaker tag with title + surname only"),
(MFA, "That is a question for our finance ministry, and they have asked me very firmly to let them answer it.", "Radko Pelliset", "transcript speaker tag with title + surname only"),
(MFA, "Vessaline will chair the joint rail authority for its first two years, at the request of both parties.", "Aurelio Brandtmeer", "transcript speaker tag with title + surname only"),
(MFA, "Osselbek will still be Osselbek when all of us have gone home.", "Marit Askvand", "quote inside a transcript turn: Feodor Askvand quoting \"my sister\", named Marit earlier in the transcript"),
(MFA, "warmly welcomes the courage and good faith shown by both delegations", "body: the Ministry of Foreign Affairs", "ministry's own statement quoting itself (The Ministry \"...\")"),
]

HEADER = """# The tenth labelled set: every quotation in ./articles10 with who said it, labelled from the text
# as a careful editor would, written apart from the bot (no source, config, earlier labels or
# fixture articles read beyond the label and front-matter formats). A new invented negotiation:
# Quarsevia and Ulmbrant over the Tavrin Gap railway corridor and the border town of Osselbek (a
# transit fee per tonne, who staffs the customs post at Osselbek station, 312 freight wagons
# stranded in the town's sidings, 1,800 barred commuters), mediated by the Vessaline envoy Saskia
# Vondermuhl in the Glasshouse Pavilion at Bad Lirren (3-14 March 2027, ending in the Osselbek
# Accord).
# Eight house styles: a wire with straight ASCII quotes (CPA), a British broadsheet with Mr/Ms on
# second reference (The Westbury Chronicle), a US paper with Mr./Ms. (The Clearwater Tribune), a
# tabloid (The Daily Rattle: "the Stoker", "the Professor", "Auntie Saskia", "the Quiet One",
# "Jolly Jurek", "Iron Ottilie", "Sleeper"; roared, sneered, blabbed, blasted, growled, raged,
# bellowed, smirked), a radio programme story with a transcript excerpt and callers (Borderline
# Radio, The Crossing), a present-tense magazine profile (The Longitude), a reverse-chronological
# live blog with timestamps and its own correspondent (TNB News live) and an official transcript
# with speaker tags and a ministry statement (Vessaline Ministry of Foreign Affairs).
# Hard cases on purpose: "he said" after "The two men", "she said" after "The two women" (twice),
# "One of them ... he says" of two men, "the minister snaps" after two ministers, bare "Askvand"
# right after both Askvand siblings, bare "Ruttiger" with a husband and wife (all unattributed);
# bare "Askvand" settled by "his delegation", Mr/Ms Askvand, "the mayor said", "said her husband",
# "the transport minister added" with one transport minister (settled); quotes attributed by the
# sentence before, continuation paragraphs (one left open across a paragraph break), split quotes,
# quotes inside quotes (a grandfather, a father, an unnamed old boss, a sister, a treaty article),
# social-media posts (X, a video), transcript speaker tags, slogans, banners, posters, a chant,
# nicknames, a coined term, timetable text, an agreement name, unnamed sources and bodies (a
# ministry, a company, a union, a spokesperson, an official, a diplomat, a delegate, a commuter, a
# listener's text).
# Fields as in labels9.toml: `quote` picks out one quotation in its article (for a quote with a
# quote inside it, the outer `quote` is taken from outside the inner one); `speaker` is a full
# name as the article gives it, "unattributed" (no speaker, or the text does not settle one), or
# "body: <words>" for an organisation or unnamed source; `pattern` is how the outlet attributes it.
"""

def q(s):
    return json.dumps(s, ensure_ascii=False)

out = [HEADER.rstrip("\n")]
for art, quote, speaker, pattern in L:
    out.append("[[label]]")
    out.append(f"article = {q(art)}")
    out.append(f"quote = {q(quote)}")
    out.append(f"speaker = {q(speaker)}")
    out.append(f"pattern = {q(pattern)}")
open(os.path.join(HERE, "labels10.toml"), "w", encoding="utf-8").write("\n".join(out) + "\n")
print(len(L), "labels")
