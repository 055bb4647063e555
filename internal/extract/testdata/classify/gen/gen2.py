# Held-out pages for the classifier, written after the classifier was tuned
# on the first set and never used to tune it: other sites, other shapes.
import os, html, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
labels = []
E = html.escape
def save(name, label, note, body):
    open(os.path.join(out, name + ".html"), "w").write(body)
    labels.append((name + ".html", label, note))

def shell(title, body, head=""):
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{E(title)}</title>{head}</head><body>'
            '<div class="topbar"><a href="/">MedNews Today</a> <a href="/conditions">Conditions</a> <a href="/nutrition">Nutrition</a> '
            '<a href="/wellness">Wellness</a> <a href="/newsletter">Get our newsletter</a> <a href="/login">Sign in</a></div>'
            f'<div class="wrapper"><div class="col-main">{body}</div><div class="col-right"><div class="promo">Sponsored: try our 30-day gut reset plan. <a href="/shop">Shop now</a></div>'
            '<div class="popular"><h4>Popular this week</h4><a href="/p/1">How probiotics may help with bloating and gas</a><br><a href="/p/2">Itchy skin at night: nine causes and what to do</a><br>'
            '<a href="/p/3">What is the best diet for psoriasis? An expert guide</a><br><a href="/p/4">The link between stress and hair loss</a></div></div></div>'
            '<div class="bottom">MedNews Today is for information only. <a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a> · <a href="/contact">Contact us</a></div></body></html>')

# articles and briefs
save("qa-doctor", "article", "an ask-the-doctor column", shell("Ask the doctor: does yoghurt help eczema?",
  '<h1>Ask the doctor: does yoghurt help eczema?</h1><p><b>Q:</b> My daughter has eczema. Will eating yoghurt every day help her skin?</p>'
  '<p><b>A:</b> Some studies suggest that live cultures in yoghurt may modestly improve eczema in children, but the evidence is weak and the benefit, if any, is small. Moisturising remains the mainstay of treatment.</p>'))
save("press-bullets", "article", "a press release whose findings are bullet points", shell("New study links gut microbes to psoriasis severity",
  '<h1>New study links gut microbes to psoriasis severity</h1><p class="dateline">NORTHFIELD, 12 May 2025 —</p><p>Researchers at Northfield University report three main findings:</p>'
  '<ul><li>Patients with severe psoriasis had fewer Faecalibacterium bacteria than patients with mild disease.</li><li>Bacterial diversity rose in patients whose psoriasis improved on treatment.</li><li>No difference was seen between men and women.</li></ul>'
  '<p>The study is published in the Journal of Gut and Skin Research.</p>'))
save("brief-linked-source", "article", "two sentences, one of them linking to the study", shell("Probiotics did not prevent acne relapse",
  '<h2>Probiotics did not prevent acne relapse</h2><p>In a <a href="https://doi.org/10.1/abc">trial published this week</a>, probiotic capsules did not reduce acne relapse after isotretinoin. Relapse rates were 31% with probiotics and 29% with placebo.</p>',
  '<meta property="og:type" content="article">'))
save("brief-video", "article", "a brief under an embedded video", shell("Watch: how the skin barrier works",
  '<h1>Watch: how the skin barrier works</h1><div class="video"><iframe src="https://player.example/v/1"></iframe></div><p>A damaged skin barrier lets irritants in and water out, which dermatologists say drives much of the itch in eczema.</p>'))
save("factsheet", "article", "a fact sheet of key facts in a list", shell("Rosacea: key facts",
  '<h1>Rosacea</h1><h2>Key facts</h2><ul><li>Rosacea is a long-term skin condition that mainly affects the face.</li><li>It is more common in women and in people with fair skin.</li><li>Triggers include alcohol, spicy food, heat and stress.</li><li>There is no cure, but treatments can control the symptoms.</li></ul>',
  '<script type="application/ld+json">{"@type":"MedicalWebPage","name":"Rosacea"}</script>'))
save("fulltext-refs", "article", "a paper's full text with a long reference list", shell("Dietary fibre and atopic dermatitis: a cohort study",
  '<h1>Dietary fibre and atopic dermatitis: a cohort study</h1><h2>Background</h2><p>Atopic dermatitis is common in children. Dietary fibre shapes the gut microbiota, which may influence immune development.</p>'
  '<h2>Methods</h2><p>We followed 2,100 children from birth to age five and recorded diet at ages one and two.</p><h2>Results</h2><p>Higher fibre intake at age one was associated with a lower risk of atopic dermatitis by age five (hazard ratio 0.78).</p>'
  '<h2>References</h2><ol>' + "".join(f'<li><a href="https://doi.org/10.1000/ref{k}">Author {k} et al. A related study of diet and skin. 2018.</a></li>' for k in range(25)) + '</ol>',
  '<meta name="citation_title" content="Dietary fibre and atopic dermatitis: a cohort study"><meta name="citation_doi" content="10.9999/x.1">'))
save("interview", "article", "an interview in short turns", shell("Five minutes with a microbiome researcher",
  '<h1>Five minutes with a microbiome researcher</h1><p><strong>What got you interested in the gut and skin?</strong></p><p>Patients kept telling me that their skin changed when their diet changed.</p>'
  '<p><strong>What does the evidence say?</strong></p><p>It is early. We see associations, but trials are few and small.</p><p><strong>What would you tell patients?</strong></p><p>Eat a varied diet and be wary of anyone selling a cure.</p>'))
# hubs
save("latest-table", "hub", "latest news as a table of dates and titles", shell("Latest news",
  '<h1>Latest news</h1><table>' + "".join(f'<tr><td>{d} May 2025</td><td><a href="/n/{d}">{t}</a></td></tr>' for d, t in zip(range(1, 21), [
    "Gut bacteria and eczema in infants", "New guidance on acne antibiotics", "Psoriasis drug shows promise", "Fibre and rosacea", "Stress and skin flares",
    "Kefir trial results published", "Sunscreen use in winter", "Probiotic creams reviewed", "Zinc and wound healing", "Hives and food allergy",
    "Sleep and acne in teens", "Omega-3 for dry skin", "The skin microbiome explained", "Vitamin D and psoriasis", "Antibiotics in early life",
    "Dairy and breakouts", "Itch research funding", "Diet apps for eczema", "Heat and rosacea", "Microbiome testing kits"])) + '</table>'))
save("events", "hub", "an events list", shell("Events",
  '<h1>Upcoming events</h1>' + "".join(f'<div class="event"><span class="when">{d} June 2025</span> <a href="/events/{d}">Webinar: the gut-skin axis, part {d}</a> <span class="where">Online</span></div>' for d in range(1, 13))))
save("podcast", "hub", "a podcast's episode list", shell("The Skin Podcast: all episodes",
  '<h1>All episodes</h1>' + "".join(f'<div class="ep"><h3><a href="/ep/{k}">Episode {k}: {t}</a></h3><p>{s}</p></div>' for k, (t, s) in enumerate([
    ("Microbes on the skin", "We talk to a microbiologist about the bacteria that live on us."),
    ("Food and acne", "A dietitian explains what the studies really show."),
    ("Living with psoriasis", "A patient shares how she manages flares."),
    ("Itch", "Why we itch, and why scratching makes it worse."),
    ("Probiotics", "Are supplements worth the money? Two experts disagree."),
    ("Sun and skin", "What every parent should know about sunscreen.")]))))
save("forum", "hub", "a forum's list of threads", shell("Eczema forum",
  '<h1>Eczema support forum</h1><table class="threads">' + "".join(f'<tr><td><a href="/t/{k}">{t}</a></td><td>{k*3+2} replies</td><td>by member{k}</td></tr>' for k, t in enumerate([
    "Has anyone tried an elimination diet?", "Best moisturiser for winter flares", "Probiotics for my toddler?", "Dermatologist wants to start biologics",
    "Itching at night is driving me mad", "Does swimming make it worse?", "Wet wrap tips please", "Stress and flares at exam time", "Cotton vs bamboo sheets",
    "Anyone else react to fragrance?"])) + '</table>'))
save("author", "hub", "an author's page: a short bio, then a list of articles", shell("Mara Quist, health reporter",
  '<h1>Mara Quist</h1><p>Mara Quist has covered health and medicine for ten years. She writes about dermatology, nutrition and the microbiome.</p><h2>Articles by Mara Quist</h2><ul>' +
  "".join(f'<li><a href="/a/{k}">{t}</a> <span>{k+1} April 2025</span></li>' for k, t in enumerate([
    "What the gut-skin axis means for acne", "Probiotics for skin: hope and hype", "Psoriasis, the gut and inflammation", "Why your gut bacteria might decide how your skin ages",
    "Ten foods dermatologists say you should eat more often", "The truth about collagen supplements", "Can a sugar-free month clear up adult acne?",
    "Rosacea flare-ups linked to a stomach bug", "Eczema in babies: when to see a doctor", "How antibiotics change your microbiome", "Is intermittent fasting good for your skin?",
    "Kombucha, kefir and the science of ferments"])) + '</ul>', '<meta property="og:type" content="profile">'))
# neither
save("gone", "error_page", "an article that is no longer available", shell("Article unavailable",
  '<h1>This article is no longer available</h1><p>The article you requested has been removed. Browse our latest news instead.</p>'))
save("georestricted", "error_page", "a page not available in the reader's region",
  '<!doctype html><html><head><title>Access denied</title></head><body><h1>Access denied</h1><p>This content is not available in your region.</p></body></html>')
with open(os.path.join(out, "labels.tsv"), "w") as f:
    f.write("# file\tlabel\tnote\n")
    for l in labels:
        f.write("\t".join(l) + "\n")
print(len(labels), "pages")
