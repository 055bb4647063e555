# Generates the labelled page set for the article/hub classifier: pages
# written for Lumen in the shapes real sites use. Output: one HTML file per
# page and labels.tsv.
import os, random, html, sys
random.seed(7)
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
labels = []

def save(name, label, note, body):
    with open(os.path.join(out, name + ".html"), "w") as f:
        f.write(body)
    labels.append((name + ".html", label, note))

E = html.escape

BRIEFS = [
 ("Probiotic drink eased eczema in toddlers, trial finds",
  "A daily probiotic drink reduced eczema severity in toddlers by a third over eight weeks, compared with placebo, in a trial of 120 children in Finland."),
 ("Dairy linked to more acne in teenagers",
  "Teenagers who drank more than two glasses of skimmed milk a day had more acne lesions than those who drank less, a cohort study of 4,000 students reported."),
 ("Psoriasis patients carry fewer gut species",
  "People with psoriasis had markedly lower gut microbial diversity than healthy volunteers. The difference held after adjusting for diet and body weight, researchers said."),
 ("Fibre may calm rosacea, survey suggests",
  "Rosacea patients who ate more dietary fibre reported fewer flare-ups over a year. The survey cannot show cause and effect, the authors cautioned."),
 ("Zinc did not help eczema in adults",
  "Zinc supplements made no difference to eczema severity after sixteen weeks in a randomised trial of 200 adults. Itch scores were also unchanged."),
 ("Antibiotic course reshapes gut for months",
  "A six-week course of doxycycline for acne altered volunteers' gut bacteria for up to three months after the last dose, a small study found."),
 ("Sugary drinks tied to hidradenitis flares",
  "Patients with hidradenitis suppurativa who cut sugary drinks had fewer painful flares. The pilot involved 48 people and lacked a control group."),
 ("Leaky gut marker raised in chronic hives",
  "Blood levels of zonulin, a marker of intestinal permeability, were higher in patients with chronic urticaria than in controls, according to a case-control study."),
 ("Vitamin D eased winter eczema in children",
  "Children given vitamin D through the winter months had milder eczema than those given placebo. The effect was largest in children with low baseline levels."),
 ("Fermented foods raised microbial diversity",
  "Ten weeks of eating fermented foods such as yoghurt and kimchi increased gut microbial diversity and lowered inflammatory markers in healthy adults."),
 ("No link found between chocolate and acne",
  "Eating dark chocolate daily for four weeks did not worsen acne in young adults, a crossover trial of 60 volunteers concluded."),
 ("Stress worsened gut symptoms and skin in students",
  "During exam weeks, students reported more bloating and more acne. Researchers measured higher cortisol and changes in stool bacteria in the same period."),
 ("Mouse study: gut bacteria toxin reaches skin",
  "In mice, a toxin produced by gut bacteria was found in skin tissue and triggered inflammation there. Whether this happens in people is unknown."),
 ("Low-glycaemic diet cut acne lesions",
  "Young men on a low-glycaemic diet for twelve weeks had fewer acne lesions and better insulin sensitivity than those on their usual diet."),
]

HEADLINES = [
 "Why your gut bacteria might decide how your skin ages", "Ten foods dermatologists say you should eat more often",
 "The truth about collagen supplements", "Can a sugar-free month clear up adult acne?", "Rosacea flare-ups linked to a stomach bug",
 "What we know about the gut-skin axis so far", "Eczema in babies: when to see a doctor", "How antibiotics change your microbiome",
 "Is intermittent fasting good for your skin?", "Psoriasis and diet: a guide to the evidence", "Kombucha, kefir and the science of ferments",
 "Sleep, stress and breakouts: the hormone connection", "New treatments for hidradenitis suppurativa", "Omega-3 and inflammation explained",
 "Five myths about acne, debunked", "Do probiotic creams work?", "A dermatologist answers your questions on rosacea",
 "Gluten and skin disease: separating fact from hype", "Vitamin D in winter: who needs it?", "The microbiome of newborns and allergies",
 "Zinc, selenium and the skin barrier", "What a faecal transplant can and cannot do", "How to read a nutrition study",
 "Milk, whey and teenage acne", "Urticaria: causes and triggers", "Why some people flush after alcohol",
]

SUMMARIES = [
 "Researchers are piecing together how microbes in the intestine talk to the immune cells of the skin.",
 "A review of the evidence finds some support for fibre and fermented foods, and little for detox diets.",
 "Supplement sales are booming, but the trials behind the claims are small and often industry funded.",
 "We asked three specialists what the studies say, and where the gaps are.",
 "A new analysis of 30 trials finds modest benefits at best.",
 "Parents often worry about rashes in the first months; here is what helps.",
 "A course of treatment can leave a mark on gut bacteria for weeks.",
 "The data so far come mostly from small and short studies.",
 "Experts explain why one diet does not fit every patient.",
 "Fermented drinks are popular, but do they change the gut?",
]

NAV_SECTIONS = ["News", "Skin", "Gut health", "Diet", "Research", "Opinion", "Video", "Podcasts", "Newsletters", "Events", "Shop", "About us"]

def nav(theme):
    if theme == "news":
        items = "".join(f'<li><a href="/{s.lower().replace(" ", "-")}/">{s}</a></li>' for s in NAV_SECTIONS)
        return f'<header class="site-header"><a class="logo" href="/">Daily Health Wire</a><nav aria-label="Main"><ul>{items}</ul></nav><form action="/search"><input name="q"><button>Search</button></form></header>'
    if theme == "blog":
        items = "".join(f'<li class="menu-item"><a href="/category/{s.lower().replace(" ", "-")}/">{s}</a></li>' for s in NAV_SECTIONS[:8])
        return f'<div id="masthead"><div class="site-branding"><p class="site-title"><a href="/">The Skin &amp; Gut Blog</a></p><p class="site-description">Notes on microbes, food and skin</p></div><div id="site-navigation" class="main-navigation"><ul id="primary-menu">{items}</ul></div></div>'
    if theme == "press":
        return ('<table width="100%" class="top"><tr><td><a href="/"><img src="/logo.gif" alt="University of Northfield"></a></td>'
                '<td class="toplinks"><a href="/study/">Study</a> | <a href="/research/">Research</a> | <a href="/news/">News</a> | <a href="/alumni/">Alumni</a> | <a href="/contact/">Contact</a></td></tr></table>'
                '<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/news/">News</a> &gt; <a href="/news/2025/">2025</a></div>')
    if theme == "journal":
        return ('<div class="journal-header"><a href="/">Journal of Gut and Skin Research</a> <a href="/current">Current issue</a> <a href="/archive">Archive</a> '
                '<a href="/authors">For authors</a> <a href="/about">About</a> <a href="/login">Log in</a></div>')
    return ""

def sidebar(theme, n=5):
    hs = random.sample(HEADLINES, n)
    if theme == "news":
        return '<aside class="most-read"><h2>Most read</h2><ol>' + "".join(f'<li><a href="/a/{random.randint(100,999)}">{E(h)}</a></li>' for h in hs) + '</ol></aside>'
    if theme == "blog":
        tags = "".join(f'<a href="/tag/{t}/" class="tag-cloud-link">{t}</a> ' for t in ["acne", "eczema", "psoriasis", "probiotics", "diet", "fibre", "rosacea", "microbiome", "stress", "sleep"])
        recent = "".join(f'<li><a href="/{random.randint(2019,2025)}/{random.randint(1,12):02d}/{h.lower().replace(" ", "-")[:30]}/">{E(h)}</a></li>' for h in hs)
        return f'<div id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Recent posts</h2><ul>{recent}</ul></section><section class="widget"><h2 class="widget-title">Tags</h2><div class="tagcloud">{tags}</div></section></div>'
    if theme == "press":
        return '<td class="side" width="200"><b>Latest news</b><br>' + "<br>".join(f'<a href="/news/{random.randint(1000,9999)}">{E(h)}</a>' for h in hs) + '</td>'
    return ""

def footer(theme):
    links = ["Privacy", "Terms", "Cookies", "Accessibility", "Contact", "Careers", "Advertise"]
    return '<footer class="site-footer"><p>' + " ".join(f'<a href="/{l.lower()}/">{l}</a>' for l in links) + '</p><p>© 2025 All rights reserved.</p></footer>'

def page(theme, title, main, head_extra="", lang="en"):
    side = sidebar(theme)
    if theme == "press":
        body = nav(theme) + f'<table width="100%"><tr><td class="content">{main}</td>{side}</tr></table>' + footer(theme)
    elif theme == "blog":
        body = f'<div id="page" class="site">{nav(theme)}<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">{main}</main></div>{side}</div>{footer(theme)}</div>'
    elif theme == "journal":
        body = nav(theme) + f'<div class="container">{main}</div>' + footer(theme)
    else:
        body = nav(theme) + f'<main>{main}{side}</main>' + footer(theme)
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
            f'<title>{E(title)}</title>{head_extra}<link rel="stylesheet" href="/s.css"><script>var dataLayer=[];</script></head><body>{body}'
            '<script src="/app.js"></script></body></html>')

def date(i):
    return f"2025-0{1 + i % 9}-{10 + i % 18:02d}"

# ---- briefs: short articles, each a claim, in every theme and with or without metadata
themes = ["news", "blog", "press", "news", "blog", "press", "news", "blog", "press", "news", "blog", "press", "news", "blog"]
for i, (title, text) in enumerate(BRIEFS):
    theme = themes[i]
    meta = ""
    if i % 3 == 0:
        meta = f'<meta property="og:type" content="article"><meta property="og:title" content="{E(title)}"><meta property="article:published_time" content="{date(i)}T08:00:00Z">'
    elif i % 3 == 1:
        meta = f'<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{E(title)}","datePublished":"{date(i)}"}}</script>'
    sentences = text
    if theme == "news":
        main = f'<article><h1>{E(title)}</h1><p class="byline">By Staff reporter · <time datetime="{date(i)}">{date(i)}</time></p><p>{E(sentences)}</p><p class="share"><a href="https://twitter.com/share">Share</a> <a href="https://facebook.com/share">Share</a></p></article>'
    elif theme == "blog":
        main = f'<article class="post type-post"><header class="entry-header"><h1 class="entry-title">{E(title)}</h1><div class="entry-meta">Posted on <a href="#">{date(i)}</a> by <a href="/author/ana/">Ana</a></div></header><div class="entry-content"><p>{E(sentences)}</p></div><footer class="entry-footer">Tags: <a href="/tag/acne/">acne</a>, <a href="/tag/diet/">diet</a></footer></article><nav class="post-navigation"><a href="/prev/">Previous post</a> <a href="/next/">Next post</a></nav>'
    else:
        main = f'<h2>{E(title)}</h2><p class="date">{date(i)}</p><p>{E(sentences)}</p><p>Media contact: <a href="mailto:press@northfield.example">press office</a></p>'
    save(f"brief-{i:02d}", "article", f"brief, {theme}", page(theme, title + (" | Daily Health Wire" if theme == "news" else ""), main, meta))

# ---- medium and long articles written for this set
ARTICLE_PARAS = [
 "The idea that the gut and the skin are connected is old, but the tools to test it are new. Sequencing lets researchers count the bacteria in a stool sample and compare people with and without a skin disease.",
 "In the largest study so far, researchers compared 500 people with moderate acne to 500 without. Those with acne had fewer species of gut bacteria, and the difference was largest in those with the most severe disease.",
 "That does not show that the bacteria cause acne. Diet shapes both the gut and the skin, and people with acne may eat differently, sleep less or take antibiotics that change the gut.",
 "Trials are the way to test cause. A handful have given probiotics to people with acne or eczema, with mixed results: some found fewer lesions, others no difference from placebo.",
 "The strongest evidence concerns eczema in infants. Several trials found that giving probiotics to mothers late in pregnancy and to babies in their first months reduced the risk of eczema by the age of two.",
 "For psoriasis the picture is less clear. Patients often have changes in their gut bacteria and a higher risk of inflammatory bowel disease, which suggests shared pathways of inflammation.",
 "Dermatologists caution against expensive supplements. Most products sold as skin probiotics have not been tested in trials, and the strains that were tested are often not the ones on the shelf.",
 "What can people do in the meantime? A varied diet rich in fibre feeds the bacteria that make short-chain fatty acids, which help keep the gut lining intact and calm inflammation.",
]
for i in range(6):
    theme = ["news", "blog", "press", "news", "blog", "journal"][i]
    n = [3, 5, 8, 4, 6, 2][i]
    paras = ARTICLE_PARAS[:n] if i % 2 == 0 else ARTICLE_PARAS[-n:]
    title = ["What the gut-skin axis means for acne", "My year of eating for my eczema", "Study maps gut bacteria in people with acne",
             "Probiotics for skin: hope and hype", "Psoriasis, the gut and inflammation", "Letter: probiotics in infant eczema prevention"][i]
    body = "".join(f"<p>{E(p)}</p>" for p in paras)
    extra = ""
    if i == 3:  # a related-stories box and a list of links inside the article
        body += '<div class="related"><h3>Related stories</h3><ul>' + "".join(f'<li><a href="/a/{k}">{E(h)}</a></li>' for k, h in enumerate(HEADLINES[:8])) + '</ul></div>'
    if i == 1:  # comments under a blog post
        body += '<div id="comments"><h2>4 comments</h2><ol class="comment-list">' + "".join(f'<li class="comment"><b>Reader {k}</b> said: Thanks, this helped me a lot with my own skin.</li>' for k in range(4)) + '</ol></div>'
    if i == 4:  # a table of contents at the top
        body = '<div class="toc"><h2>Contents</h2><ol><li><a href="#s1">Background</a></li><li><a href="#s2">Evidence</a></li><li><a href="#s3">What to do</a></li></ol></div>' + body
    meta = '<meta property="og:type" content="article">' if i % 2 == 0 else ""
    if theme == "journal":
        meta = f'<meta name="citation_title" content="{E(title)}"><meta name="citation_author" content="Smith, J"><meta name="citation_publication_date" content="2024/11/02"><meta name="citation_doi" content="10.9999/jgsr.2024.{i}">'
    if theme == "news":
        main = f'<article><h1>{E(title)}</h1><p class="byline">By Mara Quist</p>{body}</article>'
    elif theme == "blog":
        main = f'<article class="post"><h1 class="entry-title">{E(title)}</h1><div class="entry-content">{body}</div></article>'
    elif theme == "journal":
        main = f'<div class="article"><h1>{E(title)}</h1><p class="authors">J Smith, K Osei</p><div class="abstract"><h2>Abstract</h2>{body}</div><h2>References</h2><ol class="refs">' + "".join(f'<li>Author {k}. A study of things. <i>J Things</i>. 2019;{k}:1-10. <a href="https://doi.org/10.1/{k}">doi</a></li>' for k in range(12)) + '</ol></div>'
    else:
        main = f'<h2>{E(title)}</h2>{body}'
    save(f"article-{i:02d}", "article", f"article, {theme}, {n} paragraphs", page(theme, title, main, meta))

# ---- hubs
def teaser_cards(theme, n, with_summary=True, with_date=True, tag="div"):
    out = []
    for k in range(n):
        h = HEADLINES[(k * 7) % len(HEADLINES)]
        s = f"<p>{E(SUMMARIES[k % len(SUMMARIES)])}</p>" if with_summary else ""
        d = f'<span class="date">{date(k)}</span>' if with_date else ""
        if tag == "article":
            out.append(f'<article class="teaser"><h2><a href="/a/{k}">{E(h)}</a></h2>{s}{d}</article>')
        else:
            out.append(f'<div class="card"><h3><a href="/a/{k}">{E(h)}</a></h3>{s}{d}</div>')
    return "".join(out)

save("hub-numbered-list", "hub", "index page of 300 numbered links",
     page("press", "Research news index", "<h1>All research news</h1><ol>" + "".join(f'<li><a href="/news/{k}">{k}. {E(HEADLINES[k % len(HEADLINES)])} ({2000 + k % 25})</a></li>' for k in range(300)) + "</ol>"))
save("hub-numbered-paras", "hub", "numbered links in paragraphs, no list markup",
     page("press", "Press releases 2024", "<h2>Press releases 2024</h2>" + "".join(f'<p>{k}. <a href="/pr/{k}">{E(HEADLINES[k % len(HEADLINES)])}</a></p>' for k in range(1, 120))))
save("hub-cards-news", "hub", "section page of teaser cards with summaries",
     page("news", "Skin | Daily Health Wire", "<h1>Skin</h1>" + teaser_cards("news", 12) + '<a rel="next" href="/skin/page/2">Next page</a>', '<meta property="og:type" content="website">'))
save("hub-cards-articles", "hub", "teasers as <article> elements",
     page("news", "Gut health", "<h1>Gut health</h1><p>The latest news on the gut microbiome and health.</p>" + teaser_cards("news", 10, tag="article")))
save("hub-blog-home", "hub", "blog home with excerpts and read-more links",
     page("blog", "The Skin & Gut Blog", "".join(f'<article class="post"><h2 class="entry-title"><a href="/post/{k}/">{E(HEADLINES[k])}</a></h2><div class="entry-summary"><p>{E(SUMMARIES[k % 10])} {E(SUMMARIES[(k + 3) % 10])}</p></div><a class="more-link" href="/post/{k}/">Continue reading</a></article>' for k in range(8)) + '<div class="nav-links"><a href="/page/2/">Older posts</a></div>'))
save("hub-tag", "hub", "tag page with titles and dates",
     page("blog", "Tag: probiotics", '<h1 class="page-title">Tag: probiotics</h1>' + teaser_cards("blog", 15, with_summary=False), ""))
save("hub-archive", "hub", "monthly archive",
     page("blog", "Archives", "<h1>Archives</h1>" + "".join(f'<h2>{m} 2024</h2><ul>' + "".join(f'<li>{d} {m}: <a href="/2024/{m}/{d}/">{E(HEADLINES[(d + len(m)) % len(HEADLINES)])}</a></li>' for d in (3, 11, 19, 27)) + "</ul>" for m in ["March", "April", "May", "June", "July", "August"])))
save("hub-search", "hub", "search results with snippets",
     page("news", "Search results for probiotics acne", "<h1>Search results</h1><p>About 1,240 results for <b>probiotics acne</b></p>" + "".join(f'<div class="result"><h3><a href="/a/{k}">{E(HEADLINES[k])}</a></h3><cite>dailyhealthwire.example/a/{k}</cite><p>{E(SUMMARIES[k % 10])}</p></div>' for k in range(10)) + '<p><a href="?q=x&page=2">Next</a></p>'))
save("hub-az", "hub", "A-Z index of topics",
     page("press", "Health topics A-Z", "<h1>Health topics A to Z</h1>" + "".join(f'<h2>{c}</h2><ul>' + "".join(f'<li><a href="/topics/{c}{k}">{c}{"abcdefgh"[k]}-topic {k}</a></li>' for k in range(5)) + "</ul>" for c in "ABCDEFGHIKLMNOPRSTUVW")))
save("hub-journal-toc", "hub", "journal issue table of contents",
     page("journal", "Volume 12, Issue 3", "<h1>Volume 12, Issue 3, March 2025</h1>" + "".join(f'<div class="toc-item"><h3><a href="/article/{k}">{E(HEADLINES[k])}</a></h3><p class="authors">A. Author, B. Writer, C. Scholar</p><p><a href="/article/{k}/abstract">Abstract</a> | <a href="/article/{k}/full">Full text</a> | <a href="/article/{k}.pdf">PDF</a></p></div>' for k in range(14))))
save("hub-topic-intro", "hub", "topic page: a two-sentence intro, then a list of headline links",
     page("news", "Eczema: latest news and research", "<h1>Eczema</h1><p>Eczema is a common condition that makes the skin dry and itchy. Here you will find our latest coverage of research on its causes and treatments.</p><ul>" + "".join(f'<li><a href="/a/{k}">{E(HEADLINES[k])}</a></li>' for k in range(20)) + "</ul>", '<script type="application/ld+json">{"@context":"https://schema.org","@type":"CollectionPage","name":"Eczema"}</script>'))
save("hub-home", "hub", "news homepage with sections",
     page("news", "Daily Health Wire: health news you can use", "".join(f'<section><h2><a href="/{s.lower()}/">{s}</a></h2>' + teaser_cards("news", 4, with_summary=(j % 2 == 0)) + "</section>" for j, s in enumerate(["News", "Skin", "Gut", "Diet"]))))
save("hub-page2", "hub", "second page of a listing",
     page("news", "Skin - page 2 | Daily Health Wire", "<h1>Skin</h1><p>Page 2 of 14</p>" + teaser_cards("news", 12) + '<a rel="prev" href="/skin/">Previous</a> <a rel="next" href="/skin/page/3">Next</a>'))
save("hub-links-table", "hub", "a table of publications with links",
     page("press", "Publications", "<h1>Publications</h1><table><tr><th>Year</th><th>Title</th><th>Journal</th></tr>" + "".join(f'<tr><td>{2010 + k % 15}</td><td><a href="/pub/{k}">{E(HEADLINES[k % len(HEADLINES)])}</a></td><td>J Derm {k}</td></tr>' for k in range(40)) + "</table>"))
save("hub-resources", "hub", "a resources page: short descriptions each ending in a link",
     page("blog", "Resources", "<h1>Useful resources</h1>" + "".join(f'<p>{E(SUMMARIES[k % 10])} <a href="https://example.org/r/{k}">{E(HEADLINES[k])}</a></p>' for k in range(12))))
save("hub-sitemap-html", "hub", "an HTML sitemap",
     page("press", "Site map", "<h1>Site map</h1>" + "".join(f'<h3>{s}</h3><ul>' + "".join(f'<li><a href="/{s.lower()}/{k}">{s} page {k}</a></li>' for k in range(8)) + "</ul>" for s in NAV_SECTIONS)))

# ---- neither: skipped with a reason
save("other-soft404", "error_page", "a 404 page served with 200",
     page("news", "Page not found | Daily Health Wire", "<h1>Sorry, we can't find that page</h1><p>The page you are looking for may have been moved or deleted.</p><p><a href=\"/\">Go to the homepage</a> or try searching.</p>"))
save("other-soft404-b", "error_page", "an error page in a blog theme",
     page("blog", "404 Not Found", '<section class="error-404 not-found"><h1 class="page-title">Oops! That page can&rsquo;t be found.</h1><p>It looks like nothing was found at this location. Maybe try one of the links below or a search?</p></section>'))
save("other-error", "error_page", "a server error page",
     "<!doctype html><html><head><title>Service unavailable</title></head><body><h1>Error 503</h1><p>The service is temporarily unavailable. Please try again later.</p></body></html>")
save("other-cookie", "consent_wall", "a cookie consent wall",
     "<!doctype html><html lang=\"en\"><head><title>Before you continue</title></head><body><div class=\"consent\"><h1>We value your privacy</h1><p>We and our 842 partners use cookies and similar technologies to store and access information on your device, for personalised advertising and content, ad and content measurement, audience research and services development.</p><p>With your permission we and our partners may use precise geolocation data. You can accept all cookies, reject them, or manage your preferences and consent choices at any time.</p><button>Accept all</button> <button>Reject all</button> <a href=\"/privacy\">Manage preferences</a> <a href=\"/cookies\">Cookie policy</a></div></body></html>")
save("other-cookie-b", "consent_wall", "a consent page with site chrome",
     page("news", "Cookie consent", "<h1>Your cookie choices</h1><p>This site uses cookies to give you a better experience. Essential cookies are needed for the site to work. Analytics cookies help us improve. Advertising cookies let our partners show you relevant ads.</p><p><a href=\"/consent/accept\">Accept cookies</a> <a href=\"/consent/reject\">Reject cookies</a></p>"))
save("other-login", "login_wall", "a sign-in wall",
     page("journal", "Sign in", "<h1>Sign in to continue</h1><p>This content is available to subscribers. Log in with your institutional account or create an account to continue reading.</p><form><input name=\"email\"><input name=\"password\" type=\"password\"><button>Sign in</button></form><p><a href=\"/register\">Create an account</a> <a href=\"/subscribe\">Subscribe</a></p>"))
save("other-js-shell", "no_content", "a JavaScript app shell",
     "<!doctype html><html><head><title>Health App</title></head><body><noscript>You need to enable JavaScript to run this app.</noscript><div id=\"root\"></div><script src=\"/static/js/main.js\"></script></body></html>")
save("other-empty", "no_content", "a page with only a title and a menu",
     page("press", "Coming soon", "<h1>Coming soon</h1>"))

with open(os.path.join(out, "labels.tsv"), "w") as f:
    f.write("# file\tlabel\tnote\n")
    for l in labels:
        f.write("\t".join(l) + "\n")
print(len(labels), "pages")
