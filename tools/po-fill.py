#!/usr/bin/env python3
"""po-fill.py PO TRANSLATIONS.tsv — fills (and un-fuzzies) entries of a .po
file from a tab-separated list "msgid<TAB>msgstr" (\\n and \\t escaped as in
C).  Developer tool: the build never runs it."""
import re
import sys


def unquote(lines):
    return ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', ' '.join(lines)))


def main(po_path, tsv_path):
    tr = {}
    for line in open(tsv_path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        k, v = line.split('\t', 1)
        tr[k] = v
    blocks = open(po_path, encoding='utf-8').read().split('\n\n')
    out, filled = [], 0
    for b in blocks:
        lines = b.split('\n')
        idx = {}
        cur = None
        for i, l in enumerate(lines):
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) ', l)
            if m:
                cur = m.group(1)
                idx.setdefault(cur, []).append(i)
            elif l.startswith('"') and cur:
                idx[cur].append(i)
            elif not l.startswith('"'):
                cur = None
        if 'msgid' not in idx:
            out.append(b)
            continue
        msgid = unquote([lines[i] for i in idx['msgid']])
        if msgid not in tr:
            out.append(b)
            continue
        keep = [l for i, l in enumerate(lines)
                if not any(i in v for k, v in idx.items() if k.startswith('msgstr'))
                and not l.startswith('#|')]
        keep = [l.replace('#, fuzzy, ', '#, ').replace(', fuzzy', '') for l in keep
                if l != '#, fuzzy']
        value = tr[msgid].replace('"', '\\"')
        if 'msgid_plural' in idx:
            keep.append('msgstr[0] "%s"' % value)
        else:
            keep.append('msgstr "%s"' % value)
        out.append('\n'.join(keep))
        filled += 1
    open(po_path, 'w', encoding='utf-8').write('\n\n'.join(out))
    print('filled', filled)


main(sys.argv[1], sys.argv[2])
