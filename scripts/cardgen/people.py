"""Synthetic identities for generated ID cards: GB 11643 numbers with a valid
check digit, names, addresses drawn from the project's region table
(data/regions/cn-admin-divisions.tsv, GB/T 2260), issuing authorities and
validity periods following the Resident Identity Card Law art. 5 (under 16:
5 years; 16-25: 10 years; 26-45: 20 years; 46 and over: long-term).

Everything takes a `random.Random` so that one seed gives one identity.
"""
import datetime
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
REGIONS = os.path.join(ROOT, 'data', 'regions', 'cn-admin-divisions.tsv')

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = '10X98765432'


def check_digit(first17):
    """GB 11643-1999 ISO 7064 MOD 11-2 check character of the first 17 digits."""
    return CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def valid_number(n):
    return len(n) == 18 and n[:17].isdigit() and check_digit(n[:17]) == n[17]


_regions = None


def regions():
    """[(code, province, prefecture, district)] for the district-level codes in use today."""
    global _regions
    if _regions is not None:
        return _regions
    names = {}
    rows = []
    with open(REGIONS, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or line.startswith('code\t'):
                continue
            parts = line.rstrip('\n').split('\t')
            if len(parts) < 5 or not parts[0].isdigit():
                continue
            code, prov, name, _frm, to = parts[:5]
            if to:
                continue
            names[code] = name
            rows.append((code, prov, name))
    out = []
    for code, prov, name in rows:
        if code.endswith('00'):
            continue
        pref = names.get(code[:4] + '00', '')
        if pref in ('市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'):
            pref = ''
        out.append((code, prov, pref, name))
    _regions = out
    return out


SURNAMES = ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤')
GIVEN = ('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬建国志强海燕雪梅晓东俊杰子涵浩然欣怡梓萱宇轩一诺雨桐思远嘉怡文博天佑佳琪')
ETHNIC = ('汉',) * 40 + ('壮', '回', '满', '维吾尔', '苗', '彝', '土家', '藏', '蒙古', '朝鲜')
STREETS = ('人民路', '解放路', '中山路', '建设路', '和平街', '幸福里', '长安街', '新华路', '文化路', '光明巷', '滨江大道', '学府路')


def person(rnd, today):
    """A consistent identity: region, birth, sex, number, address, authority, validity."""
    if rnd.random() < 0.03:
        # Residence permits for Hong Kong, Macao and Taiwan residents share the format.
        code = rnd.choice(('810000', '820000', '830000'))
        prov, pref, dist = {'810000': ('广东省', '深圳市', '福田区'), '820000': ('广东省', '珠海市', '香洲区'),
                            '830000': ('福建省', '厦门市', '思明区')}[code]
    else:
        code, prov, pref, dist = rnd.choice(regions())
    birth = datetime.date(rnd.randint(1950, 2010), 1, 1) + datetime.timedelta(days=rnd.randint(0, 364))
    seq = rnd.randint(1, 999)
    male = seq % 2 == 1
    first17 = '%s%s%03d' % (code, birth.strftime('%Y%m%d'), seq)
    number = first17 + check_digit(first17)
    surname = rnd.choice(SURNAMES)
    given = ''.join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2, 2))))
    street = rnd.choice(STREETS)
    addr = '%s%s%s%s%d号' % (prov if prov != pref else '', pref, dist, street, rnd.randint(1, 300))
    if rnd.random() < 0.5:
        addr += '%d栋%d单元%d室' % (rnd.randint(1, 30), rnd.randint(1, 6), rnd.randint(101, 2808))
    authority = ('%s公安局%s分局' % (pref, dist)) if pref and rnd.random() < 0.6 else ('%s公安局' % dist)
    # Issue date: on or after the 16th birthday for most, any time for children.
    earliest = max(datetime.date(2004, 1, 1), birth + datetime.timedelta(days=30))
    latest = today - datetime.timedelta(days=20)
    if earliest >= latest:
        earliest = latest - datetime.timedelta(days=1)
    issued = earliest + datetime.timedelta(days=rnd.randint(0, (latest - earliest).days))
    age = issued.year - birth.year - ((issued.month, issued.day) < (birth.month, birth.day))
    years = 5 if age < 16 else 10 if age < 26 else 20 if age < 46 else None
    if years is None:
        until = 'long-term'
    else:
        try:
            until = issued.replace(year=issued.year + years).isoformat()
        except ValueError:  # 29 February
            until = issued.replace(year=issued.year + years, day=28).isoformat()
    return {
        'name': surname + given,
        'sex': '男' if male else '女',
        'ethnicity': rnd.choice(ETHNIC),
        'birth': birth.isoformat(),
        'address': addr,
        'number': number,
        'authority': authority,
        'validFrom': issued.isoformat(),
        'validUntil': until,
    }


def validity_text(p):
    """The 有效期限 line as printed: YYYY.MM.DD-YYYY.MM.DD or YYYY.MM.DD-长期."""
    a = p['validFrom'].replace('-', '.')
    b = '长期' if p['validUntil'] == 'long-term' else p['validUntil'].replace('-', '.')
    return a + '-' + b
