# Helper that wrote labels9.toml (kept for the record; edit labels here and re-run).
import json
A1="northline-wendmere-talks-2027-02-08"; A2="sentinel-wendmere-quota-2027-02-10"
A3="ledger-gannets-luck-crew-2027-02-11"; A4="clarion-walrus-roars-2027-02-12"
A5="harbour-radio-quayside-2027-02-14"; A6="tideline-feldt-profile-2027-02-15"
A7="bpb-live-wendmere-deal-2027-02-18"; A8="kaspira-fisheries-readout-2027-02-19"
L=[
(A1,"with nets full of grievances and not much else.","Amara Feldt","partial quote after \"told reporters\"; speaker introduced by \"chaired by\" + appositive and relative clause"),
(A1,"My job is to get them to empty the nets on the table, one at a time","Amara Feldt","surname after quote (Feldt said)"),
(A1,"Sixty percent is not greed, it is history","Dorian Vakt","said + full name + title after quote, relative clause (who leads)"),
(A1,"Our grandfathers were hauling cod on the Wendmere when there was no lighthouse on Skerrow at all.","Dorian Vakt","second half of split quote, no new attribution"),
(A1,"Skerrow is Ellanor soil and its waters are Ellanor waters","Teodora Glass","pronoun after sentence naming her (she said)"),
(A1,"We will talk about fish. We will not talk about the flag.","Teodora Glass","second quote after attribution"),
(A1,"fishing with gear banned in Ellanor waters since 2019","body: the Ellanor Coastguard","partial quote from a statement (the coastguard said)"),
(A1,"being treated with full respect for their rights.","body: the Ellanor Coastguard","second partial quote in same sentence"),
(A1,"a hostage-taking with a lighthouse attached.","Dorian Vakt","surname before partial quote (Vakt called the detention)"),
(A1,"That is a matter for the courts in Skellby, not for the people in this room.","Magnus Reyne","full name + role appositive + said: before quote"),
(A1,"They are arguing over the slices of a cake that is getting smaller every year","Oona Paskevic","surname after quote; named in previous paragraph with Dr. and title"),
(A1,"Free the Gannet 14","unattributed","slogan on placards"),
(A1,"No fish, no peace","unattributed","slogan on placards"),
(A1,"We have been patient for seventeen days","Nils Harrowgate","he said, next paragraph after sentence naming him"),
(A1,"Patience is not a bottomless hold.","Nils Harrowgate","second quote after attribution"),
(A1,"businesslike","Jules Arkwright","one-word partial quote, spokesman named by appositive"),
(A1,"an opening number, not a last one.","body: an Ellanor official (unnamed)","unnamed source who asked not to be named"),

(A2,"Five points is still a fleet of boats","Dorian Vakt","full name + title after quote"),
(A2,"It is forty families in Port Ruddock who either go to sea or go to the job centre.","Dorian Vakt","second half of split quote"),
(A2,"We came down five points because we wanted this to move. Ellanor came up five and called it a gift","Ilse Brannock","she said after a man (Mr Vakt) and one woman (Ms Brannock): settled"),
(A2,"We agreed the coffee is terrible.","unattributed","\"she replied\" after two women (Ms Glass and Ms Brannock): not settled"),
(A2,"the width of a small sea","Magnus Reyne","partial quote, full name + role before (described ... as)"),
(A2,"I see those men every morning when they are allowed up on deck","Tobias Brannock","Mr Brannock after quote; shares a surname with Ilse Brannock, Mr settles it"),
(A2,"They wave. I wave back. That is the whole of my diplomacy.","Tobias Brannock","second quote after attribution"),
(A2,"better than my own lads on the pilot boat","Tobias Brannock","partial quote after pronoun (He added)"),
(A2,"the week of numbers, not of speeches","Jules Arkwright","partial quote, spokesman named by appositive (Her spokesman, X, described this as)"),
(A2,"If they want speeches, there is a parliament in each capital","Amara Feldt","Ms + surname after quote"),
(A2,"This hall is for arithmetic.","Amara Feldt","second half of split quote"),
(A2,"a defeat dressed as a deal","Lev Sarkany","partial quote, title + full name before"),
(A2,"Red lines are for maps; I deal in nets","unattributed","\"the minister said\" after two ministers (Mr Vakt and Ms Glass): not settled"),
(A2,"The numbers will meet somewhere in the forties. The island is what could sink it.","body: a senior Brisande diplomat","quote after a sentence naming an unnamed source, no verb"),
(A2,"Forty per cent today, fifty tomorrow. Who is negotiating for Skellby?","Crispin Vale","social-media post (he wrote on X)"),

(A3,"He said to me,","Marta Talbot","outer quote holding a quote; Ms. Talbot said after it"),
(A3,"Tell the mothers of the boys I am counting them every night,","Rafe Talbot","quote inside a quote: the wife reports her husband's words (He said to me); shares surname with her"),
(A3,"That is who he is. He is still counting his crew.","Marta Talbot","second quote after attribution"),
(A3,"on humanitarian grounds only","body: the court in Skellby","partial quote from a written ruling"),
(A3,"The courts act for their reasons, and we negotiate for ours","Teodora Glass","Ms. + surname after quote (said in a statement); introduced with relative clause (who is leading)"),
(A3,"three men too few","Dorian Vakt","partial quote, full name + title before (called the release)"),
(A3,"We are done asking politely","Nils Harrowgate","Mr. + surname after quote; introduced by relative clause (who leads)"),
(A3,"chain sweep.","unattributed","local term for gear (known along this coast as)"),
(A3,"My clients were fishing with nets their own government approved","Benedikt Oyelaran","he said after sentence naming him (A lawyer for the crew, X, said)"),
(A3,"If the rules differ across a line in the water, that is a matter for governments, not for deckhands.","Benedikt Oyelaran","second quote after attribution"),
(A3,"noted the release with relief","Jules Arkwright","partial quote, spokesman named by appositive"),
(A3,"The captain gave us his blanket the first night","Josef Brin","he said; named by appositive in previous sentence"),
(A3,"I am not going home until I know he is coming too.","Josef Brin","second quote after attribution"),
(A3,"Bring Rafe home.","unattributed","banner on a harbor wall"),
(A3,"Nobody here has ever been afraid of the sea","unattributed","bare \"Talbot has said\" after \"Both Talbots\" and the skipper: not settled"),
(A3,"It is the land that frightens us now.","unattributed","second half of the same unsettled split quote"),

(A4,"the Walrus","unattributed","tabloid nickname inside the name"),
(A4,"Iron Teddy","unattributed","nickname (dubbed by fishermen)"),
(A4,"She can keep her lighthouse. We want our boys,","Dorian Vakt","nickname after quote (the Walrus fumed)"),
(A4,"Three out of 14 is not mercy. It’s a shop window.","Dorian Vakt","continuation paragraph with no attribution"),
(A4,"Mr Vakt shouts because the numbers are not on his side","Teodora Glass","nickname before (Iron Teddy hit back), she sneered after"),
(A4,"Mumbling Magnus","unattributed","nickname (known in the press room as)"),
(A4,"playing to the gallery back home","Magnus Reyne","partial quote, muttered"),
(A4,"Forty-five is the floor. Below that he can’t go home.","body: a source in the Kaspiran delegation","unnamed source (told us:)"),
(A4,"Forty-five? Tell that to the wives of Port Ruddock.","Nils Harrowgate","nickname + full name + role before (Big Nils Harrowgate ... raged:)"),
(A4,"sick of being the small change in a big man’s pocket","Nils Harrowgate","partial quote, described by role (The burly union chief ... added)"),
(A4,"He went out in January in a thin jacket. I want him to come home warm","Marta Talbot","quote in paragraph after the one naming her, she sobbed"),
(A4,"It’s only cigarettes, lads, it isn’t a treaty","unattributed","\"he grinned\" after two men (the Walrus and Mumbling Magnus): not settled"),
(A4,"Our minister has given away five points in four days. At this rate Kaspira will own the lighthouse by Friday.","Crispin Vale","social-media post (posting:)"),
(A4,"Walrus, Walrus, bring them home!","unattributed","chant on the quay"),
(A4,"We never needed a judge out there. We needed a good boat and a bit of luck.","Sid Marl","told the Clarion:, named with age and relative clause"),
(A4,"Everybody is tired. Tired people make mistakes, and tired people make deals.","Amara Feldt","nickname-style description (Posh Brisande beak) + full name, She simply told reporters:"),
(A4,"part of the weather","Jules Arkwright","partial quote, spokesman insisted"),

(A5,"closer than the shouting suggests","Ilse Brannock","partial quote, title + full name before"),
(A5,"You walked in asking for 60 per cent and the papers say you’ll settle for 45. Isn’t that a retreat?","Dana Quaid","presenter question (she asked)"),
(A5,"It’s a negotiation, Dana. If you walk in and walk out with the same number, you were never negotiating","Ilse Brannock","Ms + surname after quote (replied)"),
(A5,"Nobody wants to win 60 per cent of nothing","Ilse Brannock","role only (the deputy minister said), one deputy minister in the story"),
(A5,"With respect, minister, scientists have been telling us the cod is finished since I was a boy, and I’m still catching cod","Eamon","caller by first name, he said"),
(A5,"I was an engineer on a trawler for twelve years. I know what a bad season does to a kitchen table.","Ilse Brannock","quote after a sentence naming the speaker, no verb"),
(A5,"Half of Skellby has been down to the quay with soup. We’re not monsters up here","Tobias Brannock","he said; the only man in the paragraph (with Ms Quaid); shares surname with the guest"),
(A5,"We should hold a Brannock summit","unattributed","bare \"Brannock said\" with two Brannocks on air: not settled"),
(A5,"holding working men like bargaining chips","Pauline","caller's question as partial quote"),
(A5,"My son is on the Gannet. Tell the minister he turns 20 on Tuesday.","body: a listener on the text line","anonymous text message read out by the presenter"),
(A5,"Then tell him from me that I hope he blows out his candles in his own kitchen","Ilse Brannock","she said after sentence naming her (Ms Brannock paused)"),
(A5,"If I say a number on the radio, Dana, it becomes the number. Judge Feldt would have my head.","Ilse Brannock","quote after a sentence naming her by role (the deputy minister would not give a figure)"),
(A5,"lighthouses do not need twelve miles of elbow room","Ilse Brannock","partial quote, Ms + surname said only"),
(A5,"My passengers are nurses and students, not diplomats","Gregor","caller by first name + appositive, he said"),
(A5,"Block my ferry and you block them.","Gregor","second quote after attribution"),
(A5,"before an independent court and will be decided there","body: the Ellanor foreign ministry","partial quote from a statement"),

(A6,"It reminds me that the water does not wait for anybody’s press conference","Amara Feldt","present tense (she says), named in previous paragraph"),
(A6,"Not mine, not theirs.","Amara Feldt","second half of split quote"),
(A6,"Corvin used to say to me,","Amara Feldt","outer quote holding a quote (she says)"),
(A6,"Never let anyone leave the room with nothing to show their wives,","Corvin Hale","quote inside a quote; he is named in the preceding sentence"),
(A6,"He was old-fashioned. He meant husbands too.","Amara Feldt","second quote after attribution"),
(A6,"a headmistress with a good heart","Dorian Vakt","present tense (calls her), full name + title before"),
(A6,"the only person in the building who reads the annexes","Teodora Glass","present tense (says she is)"),
(A6,"Dorian thinks I’m strict because I took his phone away for an afternoon.","Amara Feldt","quote after a sentence naming her (Feldt laughs at both), no verb"),
(A6,"the card game","Amara Feldt","her name for her method (She calls it)"),
(A6,"She will not discuss a deal in a corridor.","Jules Arkwright","quote after sentence naming the spokesman (says she has one rule), no verb"),
(A6,"I told her what I tell everyone: I can’t promise, but I can keep asking","Amara Feldt","surname after quote, present tense"),
(A6,"Oona’s numbers are the only thing in this hall that nobody can argue with","Amara Feldt","split quote, she says, after a sentence naming Dr Oona Paskevic as object"),
(A6,"and so of course they argue with them.","Amara Feldt","second half of split quote"),
(A6,"We never talk shop","unattributed","\"she says\" after two women (Feldt and Paskevic): not settled"),
(A6,"Which is a lie, obviously.","unattributed","second half of the same unsettled quote"),
(A6,"Children think fair means half each","Amara Feldt","she says; her grandson mentioned in the paragraph before"),
(A6,"Grown-ups know fair means both sides can go home and explain it.","Amara Feldt","second quote after attribution"),
(A6,"Ask me on the nineteenth","Amara Feldt","she says, final line"),

(A7,"Eight miles. Our grandparents would have held out for twelve. Tonight Ellanor learned the price of a photo opportunity.","Crispin Vale","social-media post (On X he writes)"),
(A7,"not everything, but enough to stand the pickets down","body: the Kaspiran Deckhands’ Union","partial quote from a union statement (it says)"),
(A7,"Our boys are coming home. Thank you to Judge Feldt and to everyone who refused to give up.","Lev Sarkany","social-media post (posted a short message on Relay)"),
(A7,"The fishermen who have been standing here in the cold all week are hugging each other.","Lukas Ferreira","correspondent's report in its own paragraph after a colon"),
(A7,"the hardest mile-by-mile bargain I have ever made","Magnus Reyne","partial quote, He says, named in previous sentence"),
(A7,"kept the lighthouse, the flag and the fish that matter","Magnus Reyne","second partial quote in same sentence"),
(A7,"Forty-seven is not sixty","Dorian Vakt","he says, named in previous sentence"),
(A7,"But sixty was never coming home, and these eleven men are.","Dorian Vakt","second half of split quote"),
(A7,"The Walrus has earned his dinner.","Dorian Vakt","he grins, next paragraph; the speaker refers to himself by his nickname"),
(A7,"We came here to protect Skerrow and to protect the banks. We have done both","Teodora Glass","she says, named in previous sentence"),
(A7,"as soon as the court in Skellby has the papers in front of it","Teodora Glass","partial quote, She says, continuation paragraph"),
(A7,"Don’t trip now, not after all this.","unattributed","\"One of them\" of two ministers: not settled"),
(A7,"There is an agreement. The judge will speak first, then both ministers.","Jules Arkwright","full name + role appositive, tells reporters:"),
(A7,"done, bar the commas","body: an official from the Kaspiran side","unnamed official"),
(A7,"a start, not a rescue","Oona Paskevic","partial quote, Dr + full name before, relative clause"),
(A7,"within two seasons, or we will all be back here arguing over a graveyard","Oona Paskevic","partial quote, She says, continuation paragraph"),
(A7,"We will see you at eight, probably","unattributed","\"he told\" after two men (Reyne and Vakt): not settled"),
(A7,"I have asked for one more hour. Then I am going to bed, deal or no deal.","Amara Feldt","her message read out by an aide"),
(A7,"We are not leaving until they do.","Marta Talbot","first name only on second reference (Marta tells our team)"),

(A8,"Port Imbry Fisheries Accord","unattributed","name of the agreement (to be known as)"),
(A8,"neither Party shall detain the crew of a fishing vessel of the other Party for more than 72 hours without notifying the Joint Commission","body: the Port Imbry Fisheries Accord","text of an article of the agreement (Article 6 of the Accord provides that)"),
(A8,"This is an agreement our fleet can live with and our grandchildren can fish under.","Dorian Vakt","readout style (Minister Vakt stated:)"),
(A8,"was never a bargaining item for Kaspira, and will not become one for anyone else","Dorian Vakt","partial quote, role only (The Minister further stated)"),
(A8,"The quota share gets the headlines. The catch limit is what saves the banks.","Ilse Brannock","title + full name, relative clause, stated:"),
(A8,"the delegation, the crew and their families, and the people of Port Ruddock, who kept faith","Lev Sarkany","partial quote, expressed the thanks of the nation to"),
(A8,"a floor to stand on, not a roof to hide under","Amara Feldt","partial quote reported by the ministry (described the Accord ... as)"),
(A8,"closes a cold chapter between two fishing peoples","Teodora Glass","partial quote from a statement welcomed by the ministry"),
(A8,"secret fleet cap","unattributed","words of reports in certain media, rejected"),
]
HDR='''# The ninth labelled set: every quotation in ./articles9 with who said it, labelled from the text
# as a careful editor would, written apart from the bot (no source, config, earlier labels or
# fixture articles read beyond the label and front-matter formats). A new invented negotiation:
# Kaspira and Ellanor over the Wendmere Banks cod fishery (the quota share, an exclusion zone
# around the lighthouse islet of Skerrow, the 14 detained crew of the trawler Gannet's Luck, the
# total catch), chaired by the retired Brisande judge Justice Amara Feldt at the Saltmarket Hall in
# Port Imbry (8-19 February 2027).
# Eight house styles: a wire with straight ASCII quotes (Northline), a British broadsheet with
# Mr/Ms on second reference (The Sentinel), a US paper with Mr./Ms. (The Bayport Ledger), a tabloid
# (The Daily Clarion: "the Walrus", "Iron Teddy", "Mumbling Magnus", "Big Nils"; roared, blasted,
# fumed, sneered, raged, sobbed), a radio web story with a presenter and callers (Harbour Radio), a
# magazine profile in the present tense with quotes inside quotes (Tideline), a
# reverse-chronological live blog with timestamps and its own correspondent (BPB News live) and an
# official ministry readout ("Minister Vakt stated:", an article of the accord quoted).
# Hard cases on purpose: "she replied" after two women, "he grinned" and "he told" after two men,
# "the minister said" after two ministers, "One of them" of two ministers, bare "Talbot" with a
# husband and wife sharing the surname, bare "Brannock" with two unrelated Brannocks on air, "she
# says" after two women (all unattributed); "she said" after a man and a woman, "the deputy
# minister" with one deputy minister, Mr Brannock vs Ms Brannock (settled); quotes attributed by the
# sentence before them, continuation paragraphs, split quotes, a wife quoting her husband and a
# judge quoting her mentor, social-media posts (X, Relay), slogans, a banner, a chant, nicknames,
# a local term, an agreement name, unnamed sources and bodies (a coastguard, a court, a union, a
# ministry, a listener's text).
# Fields as in labels8.toml: `quote` picks out one quotation in its article (for a quote with a
# quote inside it, the outer `quote` is taken from outside the inner one); `speaker` is a full
# name as the article gives it, "unattributed" (no speaker, or the text does not settle one), or
# "body: <words>" for an organisation or unnamed source; `pattern` is how the outlet attributes it.
'''
out=[HDR.rstrip("\n")]
for a,q,s,p in L:
    out.append("[[label]]")
    out.append("article = "+json.dumps(a,ensure_ascii=False))
    out.append("quote = "+json.dumps(q,ensure_ascii=False))
    out.append("speaker = "+json.dumps(s,ensure_ascii=False))
    out.append("pattern = "+json.dumps(p,ensure_ascii=False))
open("labels9.toml","w").write("\n".join(out)+"\n")
print(len(L),"labels")
