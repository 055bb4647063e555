# Builds a gold set (docs/, sentences.jsonl, labels.jsonl, pairs.jsonl, docs.jsonl) from a hand-labelled
# source (heldout11/source.txt, crops/source.txt). Usage: TAXONOMY=path python3 build.py SOURCE OUTDIR
# (TAXONOMY defaults to config/taxonomy.yaml; concepts are written by slug in the source).
import json, os, sys, re
src, out = sys.argv[1], sys.argv[2]
slugs = {}
for line in open(os.environ.get('TAXONOMY', os.path.join(os.path.dirname(__file__), '..', '..', '..', 'config', 'taxonomy.yaml'))):
    m = re.match(r'  - id: (\S+)', line)
    if m: slugs[m.group(1).split('/', 1)[1]] = m.group(1)
docs = []
cur = None
for raw in open(src):
    line = raw.rstrip('\n')
    if line.startswith('#'): continue
    if line.startswith('=== '):
        name, kind, ev = line[4:].split()
        cur = {'name': name, 'kind': kind, 'evidence': ev, 'paras': [[]]}
        docs.append(cur); continue
    if cur is None: continue
    if not line.strip():
        if cur['paras'][-1]: cur['paras'].append([])
        continue
    flags, concepts, pairs, cev, text = [p.strip() for p in line.split(' | ', 4)]
    cur['paras'][-1].append((flags, concepts, pairs, cev, text))
os.makedirs(os.path.join(out, 'docs'), exist_ok=True)
S, L, P, D = [], [], [], []
def ids(s):
    return [] if s == '-' else [slugs[w] for w in s.split()]
for d in docs:
    text = ''
    i = 0
    for pi, para in enumerate(p for p in d['paras'] if p):
        if pi: text += '\n\n'
        for si, (flags, concepts, pairs, cev, t) in enumerate(para):
            if si: text += ' '
            start = len(text.encode())
            text += t
            end = len(text.encode())
            S.append({'doc': d['name'], 'i': i, 'start': start, 'end': end, 'text': t})
            claim = flags.startswith('C')
            L.append({'doc': d['name'], 'i': i, 'concepts': ids(concepts), 'claim': claim,
                      'negated': 'N' in flags, 'hedged': 'H' in flags, 'note': ''})
            if claim:
                rels = []
                if pairs != '-':
                    for p in pairs.split(';'):
                        sj, rest = p.split('>')
                        f = rest.split()
                        rels.append({'subject': slugs[sj.strip()], 'object': slugs[f[0]], 'effect': f[1],
                                     'negated': 'negated' in f[2:], 'hedged': 'hedged' in f[2:]})
                row = {'doc': d['name'], 'i': i, 'relations': rels}
                if cev != '-': row['claim_evidence'] = cev
                P.append(row)
            i += 1
    open(os.path.join(out, 'docs', d['name'] + '.txt'), 'w').write(text + '\n')
    row = {'doc': d['name'], 'kind': d['kind']}
    if d['evidence'] != '-': row['evidence'] = d['evidence']
    D.append(row)
for name, rows in (('sentences', S), ('labels', L), ('pairs', P), ('docs', D)):
    with open(os.path.join(out, name + '.jsonl'), 'w') as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(len(docs), 'docs', len(S), 'sentences', sum(l['claim'] for l in L), 'claims', sum(len(p['relations']) for p in P), 'pairs')
