package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/metrics"
)

// publish resolves the article's identity, merges it with the version
// already published under that identity, and publishes the result if it
// differs. It returns the outcome (new, changed, unchanged, skipped) and the
// article ID.
func (c *Crawler) publish(ctx context.Context, r *run, a lumen.Article) (outcome, reason, id string, err error) {
	sim, words := simhash(a.Text)
	// Resolving, publishing and recording an identity is one step: two copies
	// of an article fetched at once must not both become new articles.
	c.pubMu.Lock()
	defer c.pubMu.Unlock()
	m, err := c.ident.resolve(ctx, &a, sim, words)
	if err != nil {
		return "", "", "", err
	}
	a.ID = m.ID
	outcome = "new"
	var (
		prevHash string
		prov     provenance
		provKeep bool
		recount  string // what this run counted the version it published before a crash as
	)
	fetchedURL := a.URL
	if m.Via != "" {
		prev, err := c.d.Articles.LastFetched(ctx, m.ID)
		switch {
		case err == nil:
			if r.resumed && prev.Run == r.rec.ID && prev.Article.URL == fetchedURL {
				// This run published the article from this URL, and was
				// killed before it recorded the visit: the same version
				// again is what that publish counted, not unchanged.
				if prev.Outcome == "new" || prev.Outcome == "changed" {
					recount = prev.Outcome
				}
			}
			if prov, err = c.loadProvenance(ctx, m.ID); err != nil {
				return "", "", "", err
			}
			a, prov = mergeArticle(prev.Article, a, prov)
			provKeep = true
			prevHash = prev.Article.ContentHash
			outcome = "changed"
			if m.Via == "text" || m.Via == "simhash" {
				outcome, reason = "skipped", "duplicate"
			}
		case !errors.Is(err, lumen.ErrNotFound):
			return "", "", "", fmt.Errorf("read article %s: %w", m.ID, err)
		}
	}
	a.ContentHash = a.ComputeContentHash()
	if a.ContentHash == prevHash {
		switch {
		case recount != "":
			outcome, reason = recount, ""
		case outcome == "changed":
			outcome, reason = "unchanged", "same_article"
		}
	} else {
		ev := lumen.ArticleFetched{Article: a, Run: r.rec.ID}
		if outcome == "new" || outcome == "changed" {
			ev.Outcome = outcome
		}
		dup, err := c.d.Publisher.PublishFetched(ctx, ev)
		if err == nil && dup && prevHash != "" {
			// JetStream dropped the version as a duplicate of one published
			// within its de-duplication window, while the stream holds
			// another: the article's content went back to what it was
			// minutes ago. Say so rather than count it changed.
			c.o.Metrics.Error(metrics.StagePublish, "deduplicated")
			c.log.Warn("article version dropped by the bus as a recent duplicate; it is published again on a later run",
				"source", r.src.Name, "article", a.ID, "url", a.URL)
			return "failed", "publish_deduplicated", a.ID, nil
		}
		if err != nil {
			if errors.Is(err, lumen.ErrInvalid) { // too large for the bus, say
				c.o.Metrics.Error(metrics.StagePublish, "invalid")
				c.log.Warn("article not published", "source", r.src.Name, "url", a.URL, "err", err)
				return "failed", "publish_invalid", a.ID, nil
			}
			c.o.Metrics.Error(metrics.StagePublish, "bus")
			return "", "", "", err
		}
	}
	if err := c.ident.record(ctx, &a, sim, words); err != nil {
		return "", "", "", err
	}
	if provKeep && len(prov) > 0 {
		if err := c.saveProvenance(ctx, a.ID, prov); err != nil {
			return "", "", "", err
		}
	}
	return outcome, reason, a.ID, nil
}

// provenance says which copy of an article, by the URL it was fetched
// under, gave each of its fields. It is kept in the ids store once an
// article has had a second copy merged into it; a field it does not name
// came from the article's first copy (its URL).
type provenance map[string]string

// The fields provenance tracks.
const (
	fieldTitle     = "title"
	fieldAuthors   = "authors"
	fieldJournal   = "journal"
	fieldSite      = "site_name"
	fieldPublished = "published"
	fieldLanguage  = "language"
	fieldMeSH      = "mesh"
	fieldTypes     = "publication_types"
	fieldText      = "text"
)

func provKey(id string) string { return "prov." + id }

func (c *Crawler) loadProvenance(ctx context.Context, id string) (provenance, error) {
	b, _, err := c.d.IDs.Get(ctx, provKey(id))
	if errors.Is(err, lumen.ErrNotFound) {
		return provenance{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read provenance of %s: %w", id, err)
	}
	p := provenance{}
	if json.Unmarshal(b, &p) != nil {
		return provenance{}, nil
	}
	return p, nil
}

func (c *Crawler) saveProvenance(ctx context.Context, id string, p provenance) error {
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	if _, err := c.d.IDs.Put(ctx, provKey(id), b); err != nil {
		return fmt.Errorf("save provenance of %s: %w", id, err)
	}
	return nil
}

// originRank orders the kinds of copy by how much their scholarly
// metadata is worth: PubMed's record (MeSH indexing, publication types)
// over Europe PMC's, over a web page's.
func originRank(u string) int {
	switch {
	case strings.Contains(u, "://pubmed.ncbi.nlm.nih.gov/"):
		return 3
	case strings.Contains(u, "://europepmc.org/"):
		return 2
	}
	return 1
}

// mergeArticle combines the version of an article already published (prev)
// with a newly fetched copy (cur), field by field: whatever copy saw an
// article last, each field comes from the copy best placed to give it. A
// field the copy that gave it before has changed is updated; one a copy
// ranked higher (originRank) has, or one that was empty, is taken; between
// copies of one rank the richer value wins (more MeSH headings, more
// authors). The text is replaced by a new fetch of the copy it came from,
// or by a copy's much longer text (a full text where there was an
// abstract). Identifiers only fill gaps; URLs accumulate. It returns the
// merged article and the provenance of its fields.
func mergeArticle(prev, cur lumen.Article, prov provenance) (lumen.Article, provenance) {
	if prov == nil {
		prov = provenance{}
	}
	origin := cur.URL
	out := prev
	out.ID, out.Source = prev.ID, prev.Source
	if out.URL == "" {
		out.URL = cur.URL
	}
	out.URLs = dedupe(append(slices.Clone(prev.URLs), cur.URLs...))
	from := func(field string) string {
		if o, ok := prov[field]; ok {
			return o
		}
		return prev.URL
	}
	// take decides whether cur's value of a field replaces prev's.
	take := func(field string, prevEmpty, curEmpty bool, richer int) bool {
		switch o := from(field); {
		case curEmpty:
			return false
		case prevEmpty, o == origin:
		case originRank(origin) != originRank(o):
			if originRank(origin) < originRank(o) {
				return false
			}
		case richer <= 0:
			return false
		}
		prov[field] = origin
		return true
	}
	if take(fieldTitle, prev.Title == "", cur.Title == "", 0) {
		out.Title = cur.Title
	}
	if take(fieldAuthors, len(prev.Authors) == 0, len(cur.Authors) == 0, len(cur.Authors)-len(prev.Authors)) {
		out.Authors, out.AuthorDetails = cur.Authors, cur.AuthorDetails
	}
	if take(fieldJournal, prev.Journal == "", cur.Journal == "", 0) {
		out.Journal = cur.Journal
	}
	if take(fieldSite, prev.SiteName == "", cur.SiteName == "", 0) {
		out.SiteName = cur.SiteName
	}
	if take(fieldPublished, prev.Published.IsZero(), cur.Published.IsZero(), 0) {
		out.Published = cur.Published
	}
	if take(fieldLanguage, prev.Language == "", cur.Language == "", 0) {
		out.Language = cur.Language
	}
	if take(fieldMeSH, len(prev.MeSH) == 0, len(cur.MeSH) == 0, len(cur.MeSH)-len(prev.MeSH)) {
		out.MeSH = cur.MeSH
	}
	if take(fieldTypes, len(prev.PublicationTypes) == 0, len(cur.PublicationTypes) == 0, len(cur.PublicationTypes)-len(prev.PublicationTypes)) {
		out.PublicationTypes = cur.PublicationTypes
	}
	if cur.Text != "" && (prev.Text == "" || from(fieldText) == origin || len(cur.Text) > len(prev.Text)*3/2) {
		out.Text, out.Truncated = cur.Text, cur.Truncated
		prov[fieldText] = origin
	}
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	fill(&out.DOI, cur.DOI)
	fill(&out.PMID, cur.PMID)
	fill(&out.PMCID, cur.PMCID)
	out.FetchedAt = cur.FetchedAt
	return out, prov
}
