#!/usr/bin/env python3
"""Writes tests/vectors/forms/*.json: two valid filings and, for every
cross-field rule of checkForm, a copy of a valid filing that breaks only that
rule, with the expected finding path and code.

Run from the repo root: python3 scripts/gen-form-vectors.py
The numbers are computed here (GB 11643 / GB 32100 / GB 11714 check
characters), so the valid forms are valid by construction.
"""
import copy, json, os

W_ID = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def resident_id(first17):
    s = sum(int(c) * w for c, w in zip(first17, W_ID))
    return first17 + "10X98765432"[s % 11]

USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W_USCC = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
W_ORG = [3, 7, 9, 10, 5, 8, 4, 2]
def org_check(first8):
    def v(c):
        return int(c) if c.isdigit() else ord(c) - 55
    c = 11 - sum(v(ch) * w for ch, w in zip(first8, W_ORG)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)
def uscc(prefix8, org8):
    body = prefix8 + org8 + org_check(org8)
    c = 31 - sum(USCC.index(ch) * w for ch, w in zip(body, W_USCC)) % 31
    return body + USCC[0 if c == 31 else c]

ZHANG = resident_id("11010519900307123")   # Beijing Chaoyang, 1990-03-07
LI = resident_id("11010819850612234")      # Beijing Haidian
WANG = resident_id("44030519880101345")    # Shenzhen Nanshan
ZHAO = resident_id("44010619920815456")    # Guangzhou Tianhe
SUN = resident_id("31010419791111567")     # Shanghai Xuhui
MINOR = resident_id("11010520100101123")   # born 2010: 16 on 2026-11-27
CO = uscc("91440300", "MA5FXT0K")          # Shenzhen enterprise

PERSONAL = {
    "province": "京",
    "subject": {
        "type": "personal", "name": "张伟", "certType": "residentId", "certNumber": ZHANG,
        "certValidUntil": "2035-03-07", "address": "北京市朝阳区建国路88号",
        "principal": {
            "name": "张伟", "certType": "residentId", "certNumber": ZHANG, "certValidUntil": "2035-03-07",
            "mobile": "13800138000", "email": "zhangwei@example.com.cn", "emergencyPhone": "13911112222",
        },
    },
    "websites": [{
        "name": "张伟读书笔记", "domains": ["zhangwei.cn"], "homepage": "https://www.zhangwei.cn/",
        "contentTypes": [], "remark": "记录个人读书笔记和随想", "domainExpiresOn": "2028-05-01", "domainHolder": "张伟",
        "principal": {
            "name": "张伟", "certType": "residentId", "certNumber": ZHANG, "certValidUntil": "2035-03-07",
            "mobile": "13800138000", "email": "zhangwei@example.com.cn", "emergencyPhone": "13911112222",
        },
    }],
}

def person(name, cid, mobile, email, emergency):
    return {"name": name, "certType": "residentId", "certNumber": cid, "certValidUntil": "长期",
            "mobile": mobile, "email": email, "emergencyPhone": emergency, "landline": "0755-86013388"}

ENTERPRISE = {
    "province": "粤",
    "subject": {
        "type": "enterprise", "name": "深圳市云帆科技有限公司", "certType": "creditCode", "certNumber": CO,
        "certValidUntil": "long-term", "address": "广东省深圳市南山区科技园科苑路15号",
        "principal": person("王芳", WANG, "13712345678", "wangfang@yunfan-tech.com", "13823456789"),
    },
    "websites": [
        {"name": "云帆科技官网", "domains": ["yunfan-tech.com"], "homepage": "https://www.yunfan-tech.com",
         "contentTypes": [], "domainExpiresOn": "2029-01-01", "domainHolder": "深圳市云帆科技有限公司",
         "principal": person("王芳", WANG, "13712345678", "wangfang@yunfan-tech.com", "13823456789")},
        {"name": "云帆开发者文档", "domains": ["yunfan-docs.cn"], "homepage": "https://docs.yunfan-docs.cn/start",
         "contentTypes": [], "domainExpiresOn": "2028-03-01", "domainHolder": "深圳市云帆科技(有限)公司".replace("(有限)", "有限"),
         "principal": person("赵磊", ZHAO, "13698765432", "zhaolei@yunfan-tech.com", "13823456789")},
        {"name": "云帆客户服务中心", "domains": ["yunfan.com.cn"], "homepage": "http://yunfan.com.cn",
         "contentTypes": [], "domainExpiresOn": "2027-12-31", "domainHolder": "深圳市云帆科技有限公司",
         "principal": person("赵磊", ZHAO, "13698765432", "zhaolei@yunfan-tech.com", "13823456789")},
    ],
}

OPTIONS = {"today": "2026-11-27"}
cases = []

def case(name, base, mutate, expect, note):
    form = copy.deepcopy(base)
    mutate(form)
    cases.append((name, form, expect, note))

def setp(path, value):
    def f(form):
        node = form
        keys = path.replace("]", "").replace("[", ".").split(".")
        for k in keys[:-1]:
            node = node[int(k)] if k.isdigit() else node[k]
        last = keys[-1]
        if value is DELETE:
            del node[int(last) if last.isdigit() else last]
        elif last.isdigit():
            node[int(last)] = value
        else:
            node[last] = value
    return f
DELETE = object()

# Codes that are warnings: a form that breaks only these is still ok.
WARNINGS = {"landline.other_province", "form.cert_type.old_number", "form.subject.region_mismatch", "form.content.undeclared",
            "form.personal.website_principal_differs", "form.content.personal_unconfirmed",
            "form.principal.authorization_letter", "form.website_principal.authorization_letter",
            "form.domain.institution_suffix", "form.domain.too_many",
            "form.domain.verified_recently", "form.address.other_province", "form.address.detail",
            "form.website.name_unrelated", "form.remark.declaration", "image.validity_mismatch", "form.recommended", "form.subject.name_region_mismatch"}

def both(*fs):
    def f(form):
        for g in fs:
            g(form)
    return f

P, E = PERSONAL, ENTERPRISE
case("personal-valid", P, lambda f: None, [], "A clean personal filing in Beijing.")
case("enterprise-valid-three-websites", E, lambda f: None, [], "A clean enterprise filing in Guangdong with three websites and two principals.")
case("cert-type-number-mismatch", P, setp("subject.principal.certType", "passport"),
     [("subject.principal.certNumber", "passport.length"), ("subject.principal.certNumber", "form.personal.cert_mismatch")],
     "certType says passport: the number is checked as a passport, and no longer matches the subject's ID.")
case("personal-with-organisation-cert", P, both(setp("subject.certType", "creditCode"), setp("subject.certNumber", CO)),
     [("subject.certType", "form.cert_type.not_person"), ("subject.principal.certNumber", "form.personal.cert_mismatch")],
     "A personal subject cannot file with a credit code.")
case("enterprise-with-person-cert", E, both(setp("subject.certType", "residentId"), setp("subject.certNumber", WANG)),
     [("subject.certType", "form.cert_type.not_organisation")], "An enterprise files with its USCC.")
case("enterprise-old-org-code", E, both(setp("subject.certType", "orgCode"), setp("subject.certNumber", "MA5FXT0K-" + org_check("MA5FXT0K"))),
     [("subject.certType", "form.cert_type.old_number")], "Pre-2015 numbers: a warning.")
# A company registered outside Shenzhen is not named 深圳市… (form.subject.name_region_mismatch).
PLACELESS = [setp("subject.name", "云帆科技有限公司")] + [setp(f"websites.{i}.domainHolder", "云帆科技有限公司") for i in range(3)]
NO_LANDLINES = [setp(p + ".landline", DELETE) for p in ["subject.principal"] + [f"websites.{i}.principal" for i in range(3)]]
case("heilongjiang-uscc-required", E, both(setp("province", "黑"), setp("subject.address", "黑龙江省哈尔滨市南岗区学府路 52 号"), setp("subject.certType", "orgCode"),
                                           setp("subject.certNumber", "MA5FXT0K-" + org_check("MA5FXT0K")), *NO_LANDLINES),
     [("subject.certType", "form.cert_type.uscc_required")], "Heilongjiang: organisations file with the USCC (TC-INTL; rules.md §4.2).")
case("cert-expired", P, both(setp("subject.certValidUntil", "2026-01-01"), setp("subject.principal.certValidUntil", "2026-01-01"), setp("websites.0.principal.certValidUntil", "2026-01-01")),
     [("subject.certValidUntil", "form.cert.expired"), ("subject.principal.certValidUntil", "form.cert.expired"), ("websites[0].principal.certValidUntil", "form.cert.expired")],
     "Expired certificates are an error.")
case("cert-expiring-within-3-months", P, setp("subject.principal.certValidUntil", "2027-01-15"),
     [("subject.principal.certValidUntil", "form.cert.expiring")], "Less than 3 months of validity left.")
case("licence-6-months-in-shanghai", E, both(setp("province", "沪"), setp("subject.certValidUntil", "2027-04-01")),
     [("subject.certValidUntil", "form.cert.expiring"), ("subject.certNumber", "form.subject.region_mismatch"), ("subject.address", "form.address.other_province")] + [(f"{p}.landline", "landline.other_province") for p in ("subject.principal", "websites[0].principal", "websites[1].principal", "websites[2].principal")],
     "Shanghai wants 6 months on a business licence (the Shenzhen USCC, address and landlines are out of province: warnings).")
case("age-under-province-minimum", P, both(setp("province", "津"), *[setp(p, MINOR) for p in ("subject.certNumber", "subject.principal.certNumber", "websites.0.principal.certNumber")],
     setp("subject.principal.residencePermit", True), setp("subject.principal.landline", "022-23456789"),
     setp("websites.0.remark", "本网站是个人网站，不含有企业、单位等非个人网站的信息。记录个人读书笔记")),
     [("subject.principal.certNumber", "form.age.under_minimum")],
     "Tianjin: personal filers must be 18+; this one is 16 (with the landline and the remark declaration Tianjin asks of individuals).")
case("personal-name-differs", P, setp("subject.principal.name", "张卫"),
     [("subject.principal.name", "form.personal.name_mismatch")],
     "Personal filing: the principal is the filer.")
case("personal-id-differs", P, both(setp("subject.principal.certNumber", LI)),
     [("subject.principal.certNumber", "form.personal.cert_mismatch"), ("websites[0].principal", "form.personal.website_principal_differs"),
      ("websites[0].principal.mobile", "form.contact.mobile_shared"), ("websites[0].principal.email", "form.contact.email_shared")],
     "Personal filing: the principal's ID is the subject's ID. With another ID the principal is another person, who then shares the filer's mobile and e-mail.")
case("non-local-needs-residence-permit", P, setp("province", "沪"),
     [("subject.principal.residencePermit", "form.residence.permit_required")],
     "A Beijing ID filing in Shanghai needs a residence permit.")
case("non-local-with-permit-ok", P, both(setp("province", "沪"), setp("subject.principal.residencePermit", True)), [],
     "The same filer with a Shanghai residence permit passes.")
case("local-only-province", P, setp("province", "豫"),
     [("subject.principal.certNumber", "form.residence.local_only")], "Henan accepts only local IDs.")
case("enterprise-region-mismatch", E, setp("province", "京"),
     [("subject.certNumber", "form.subject.region_mismatch"), ("subject.address", "form.address.other_province")] + [(f"{p}.landline", "landline.other_province") for p in ("subject.principal", "websites[0].principal", "websites[1].principal", "websites[2].principal")], "A Shenzhen company filed in Beijing: the USCC region and the Guangdong address warn (relocations exist, the address may be postal); the Shenzhen landlines warn too.")
case("principals-share-mobile", E, setp("websites.1.principal.mobile", "13712345678"),
     [("websites[1].principal.mobile", "form.contact.mobile_shared")], "Different people, one mobile number.")
case("principals-share-email", E, setp("websites.1.principal.email", "wangfang@yunfan-tech.com"),
     [("websites[1].principal.email", "form.contact.email_shared")], "Different people, one e-mail address.")
case("emergency-equals-principal-mobile", E, setp("subject.principal.emergencyPhone", "+86 137 1234 5678"),
     [("subject.principal.emergencyPhone", "form.contact.emergency_same")], "The emergency phone is the principal's own mobile.")
case("website-name-rule-for-subject", P, setp("websites.0.name", "张伟的读书博客"),
     [("websites[0].name", "website_name.personal_word")], "Personal sites may not be called 博客.")
case("domain-not-fileable", P, both(setp("websites.0.domains", ["zhangwei.io"]), setp("websites.0.homepage", "https://zhangwei.io")),
     [("websites[0].domains[0]", "domain.not_fileable")], ".io cannot be filed.")
case("domain-not-registrable", P, setp("websites.0.domains", ["www.zhangwei.cn"]),
     [("websites[0].domains[0]", "domain.www")], "www. is a sub-domain: file zhangwei.cn.")
case("domain-in-two-websites", E, setp("websites.2.domains", ["yunfan-tech.com"]),
     [("websites[2].domains[0]", "form.domain.duplicate"), ("websites[2].homepage", "form.homepage.not_in_domains")],
     "The same domain in two websites.")
case("domain-expires-within-90-days", P, setp("websites.0.domainExpiresOn", "2027-01-20"),
     [("websites[0].domainExpiresOn", "form.domain.expiring")], "54 days left; 90 needed.")
case("domain-expires-within-180-days-shanghai", P, both(setp("province", "沪"), setp("subject.principal.residencePermit", True), setp("websites.0.domainExpiresOn", "2027-04-01")),
     [("websites[0].domainExpiresOn", "form.domain.expiring")], "Shanghai: 180 days.")
case("domain-holder-differs", E, setp("websites.0.domainHolder", "深圳市云帆网络有限公司"),
     [("websites[0].domainHolder", "form.domain.holder_mismatch")], "The domain belongs to another company.")
case("domain-holder-brackets-normalised", E, both(setp("subject.name", "深圳市云帆科技（深圳）有限公司"), *[setp(f"websites.{i}.domainHolder", "深圳市云帆科技(深圳)有限公司") for i in range(3)]), [],
     "Full-width and half-width brackets are the same name.")
case("personal-declares-organisation-category", P, setp("websites.0.contentTypes", ["新闻"]),
     [("websites[0].contentTypes[0]", "form.content.personal_not_allowed")], "Individuals cannot hold a news licence.")
case("principal-not-legal-rep-guangdong", E, setp("subject.principal.legalRepresentative", False),
     [("subject.principal.legalRepresentative", "form.principal.not_legal_rep")],
     "Guangdong: an organisation's principal must be its legal representative (rules.md §4.3).")
case("principal-not-legal-rep-anhui", E, both(*PLACELESS, setp("province", "皖"), setp("subject.address", "安徽省合肥市蜀山区长江西路 99 号"), setp("subject.certNumber", uscc("91340100", "MA5FXT0K")),
                                              setp("subject.principal.legalRepresentative", False), *NO_LANDLINES),
     [("subject.principal.legalRepresentative", "form.principal.authorization_letter"),
      ("websites[0].principal.name", "form.website_principal.authorization_letter"),
      ("websites[1].principal.name", "form.website_principal.same_person_required"),
      ("websites[2].principal.name", "form.website_principal.same_person_required")],
     "Anhui: a principal who is not the legal representative needs the letter, and then the website principals must be that person (rules.md §4.3).")
case("website-principal-letter-tianjin", E, both(*PLACELESS, setp("province", "津"), setp("subject.address", "天津市和平区南京路 189 号"), setp("subject.certNumber", uscc("91120100", "MA5FXT0K")),
                                                 setp("subject.principal.legalRepresentative", True), *NO_LANDLINES),
     [("websites[1].principal.name", "form.website_principal.authorization_letter"),
      ("websites[2].principal.name", "form.website_principal.authorization_letter")],
     "Tianjin: website principals other than the legal representative need an authorisation letter (rules.md §4.3).")
case("landline-required-jiangsu", E, both(*PLACELESS, setp("province", "苏"), setp("subject.address", "江苏省南京市玄武区中山路 18 号"), setp("subject.certNumber", uscc("91320100", "MA5FXT0K")), *NO_LANDLINES),
     [("subject.principal.landline", "form.landline.required")],
     "Jiangsu: an enterprise principal must give a landline (rules.md §4.3, TC-INTL).")
case("government-domain-suffix", E, both(setp("subject.type", "government"), setp("subject.name", "深圳市南山区数据管理局"),
                                         *[setp(f"websites.{i}.domainHolder", "深圳市南山区数据管理局") for i in range(3)],
                                         setp("websites.0.domains", ["nanshan.gov.cn"]), setp("websites.0.homepage", "https://www.nanshan.gov.cn"),
                                         *[setp(f"websites.{i}.name", n) for i, n in enumerate(["南山数据管理局", "南山数据开放平台", "南山区数据服务中心"])]),
     [("websites[1].domains[0]", "form.domain.government_suffix"), ("websites[2].domains[0]", "form.domain.government_suffix")],
     "Government bodies file .gov.cn or .政务 domains (rules.md §2.1).")
case("website-name-unrelated", E, setp("websites.2.name", "星河优选商城"),
     [("websites[2].name", "form.website.name_unrelated")],
     "An organisation's site named after neither it nor an abbreviation: some provinces want a trademark certificate (rules.md §3.1; a warning).")
case("website-name-explained-in-remark", E, both(setp("websites.2.name", "星河优选商城"), setp("websites.2.remark", "星河优选商城为本公司的产品")), [],
     "The remark says the name is the company's product (TC-CN): nothing to warn about.")
case("website-name-abbreviation", E, both(setp("subject.name", "深圳市云帆数字科技有限公司"), *[setp(f"websites.{i}.domainHolder", "深圳市云帆数字科技有限公司") for i in range(3)],
                                          setp("websites.0.name", "云数官网")),
     [], "云数 abbreviates 云帆数字: related (two telling characters of the name, in order).")
case("personal-remark-declaration-tianjin", P, both(setp("province", "津"), setp("subject.principal.landline", "022-23456789")),
     [("websites[0].remark", "form.remark.declaration")],
     "Tianjin (and Guangxi): a personal site's remark carries a fixed declaration (TC-INTL; only its beginning is sourced: a warning).")
case("personal-remark-declaration-given", P, both(setp("province", "津"), setp("subject.principal.landline", "022-23456789"),
                                                  setp("websites.0.remark", "本网站是个人网站,不含有企业、单位等非个人网站的信息。记录个人读书笔记和随想")),
     [], "The declaration is there (punctuation may differ).")
case("one-domain-per-website-sichuan", E, both(*PLACELESS, setp("province", "川"), setp("subject.address", "四川省成都市武侯区天府大道 1 号"), setp("subject.certNumber", uscc("91510100", "MA5FXT0K")),
                                               setp("websites.0.domains", ["yunfan-tech.com", "yunfan-tech.cn"]), *NO_LANDLINES),
     [("websites[0].domains", "form.domain.per_website")], "Sichuan: one domain per website (rules.md §2.1).")
case("too-many-domains-henan", E, both(*PLACELESS, setp("province", "豫"), setp("subject.address", "河南省郑州市金水区花园路 8 号"), setp("subject.certNumber", uscc("91410100", "MA5FXT0K")),
                                       setp("websites.0.domains", ["yunfan-tech.com", "yunfan-tech.cn", "yunfan-tech.net", "yunfan.net.cn"]), *NO_LANDLINES),
     [("websites", "form.domain.too_many")], "Henan: at most 5 domains per enterprise filing (rules.md §2.1); this one has 6.")
case("domain-verified-recently", P, setp("websites.0.domainVerifiedOn", "2026-11-26"),
     [("websites[0].domainVerifiedOn", "form.domain.verified_recently")],
     "Verified on Thursday, filed on Friday: 1 working day, 3 needed for MIIT to see it (rules.md §2.1).")
case("domain-verified-long-ago", P, setp("websites.0.domainVerifiedOn", "2026-11-20"), [],
     "Verified a week before (5 working days): fine.")
case("address-needs-door-number-shandong", E, both(*PLACELESS, setp("province", "鲁"), setp("subject.address", "山东省济南市历下区泉城路"),
                                                   setp("subject.certNumber", uscc("91370100", "MA5FXT0K")), *NO_LANDLINES),
     [("subject.address", "form.address.detail")], "Shandong wants the address down to the door number (TC-INTL; rules.md §4.3).")
case("personal-declares-culture-category", P, setp("websites.0.contentTypes", ["文化"]),
     [("websites[0].contentTypes[0]", "form.content.personal_unconfirmed")],
     "文化 approvals usually go to organisations, but no source bars individuals (rules.md: a warning).")
case("name-implies-undeclared-category", E, setp("websites.2.remark", "提供理财产品的在线咨询"),
     [("websites[2].remark", "form.content.undeclared")], "理财 implies 互联网金融 pre-approval.")
case("homepage-outside-domains", P, setp("websites.0.homepage", "https://blog.example.com/"),
     [("websites[0].homepage", "form.homepage.not_in_domains")], "The homepage must be on the filed domain.")
case("missing-required-fields", P, both(setp("subject.principal.mobile", DELETE), setp("websites.0.domains", [])),
     [("subject.principal.mobile", "form.required"), ("websites[0].domains", "form.required")],
     "Missing fields are findings with their path.")
case("credit-code-province-digits-invalid", E, both(setp("province", "京"), setp("subject.address", "北京市朝阳区建国路 88 号"), setp("subject.certNumber", uscc("91990300", "MA5FXT0K")), *NO_LANDLINES),
     [("subject.certNumber", "credit_code.province")],
     "Digits 3–4 (99) name no province: the credit-code check says so, and no region comparison runs with an empty province name (issue 16 item 5).")
case("resident-id-province-digits-invalid", P, both(setp("province", "豫"), *[setp(p, resident_id("99010519900307123")) for p in ("subject.certNumber", "subject.principal.certNumber", "websites.0.principal.certNumber")]),
     [(p, "resident_id.province") for p in ("subject.certNumber", "subject.principal.certNumber", "websites[0].principal.certNumber")],
     "An ID whose digits 1–2 name no province, filed in Henan (local IDs only): the ID check reports it; no residence rule runs with an empty province name.")
case("enterprise-with-resident-id-as-credit-code", E, setp("subject.certNumber", WANG),
     [("subject.certNumber", "credit_code.is_resident_id")],
     "The principal's resident ID left in the credit-code field (switching 个人 → 企业): recognised and named (issue 16 item 23).")
# Uploaded documents (docs/form-documents.md): required once a form carries any `documents`,
# and what the ID card analysis read (CardInfo) cross-checked with what was typed.
PA = "subject.principal"
def card_front(number, conf=0.98):
    c = {"corners": [[10, 10], [866, 10], [866, 550], [10, 550]], "side": "portrait", "number": number}
    if conf is not None:
        c["numberConfidence"] = conf
    return {"card": c}
def card_back(until, conf=0.97):
    return {"card": {"corners": [[10, 10], [866, 10], [866, 550], [10, 550]], "side": "emblem", "validFrom": "2015-03-07",
                     "validUntil": until, "validityConfidence": conf}}
def docs(path, **slots):
    return setp(path + ".documents", slots)
ID_DOCS = docs(PA, idCardFront=card_front(ZHANG), idCardBack=card_back("2035-03-07"))
case("documents-personal-complete", P, ID_DOCS, [],
     "A personal filing with both sides of the ID uploaded; the card's number and validity agree with the form.")
case("documents-personal-missing-back", P, docs(PA, idCardFront=card_front(ZHANG)),
     [(PA + ".documents.idCardBack", "form.document.required")],
     "Once a form carries documents, a person's ID is required on both sides (profile documents.personal.principal).")
case("documents-given-empty", P, docs(PA),
     [(PA + ".documents.idCardFront", "form.document.required"), (PA + ".documents.idCardBack", "form.document.required")],
     "An empty documents object: the applicant has uploaded nothing yet.")
case("documents-organisation-needs-licence", E, docs(PA, idCardFront={}, idCardBack={}),
     [("subject.documents.businessLicense", "form.document.required")],
     "An organisation uploads its business licence as well as the principal's ID (profile documents.organisation).")
case("documents-organisation-complete", E, both(docs(PA, idCardFront={}, idCardBack={}), docs("subject", businessLicense={})), [],
     "Licence and the principal's ID: complete (uploads without a card reading are not cross-checked).")
MISREAD = resident_id("11010519900307124")
case("card-number-mismatch", P, docs(PA, idCardFront=card_front(MISREAD), idCardBack=card_back("2035-03-07")),
     [(PA + ".documents.idCardFront", "image.number_mismatch"), (PA + ".certNumber", "image.number_mismatch")],
     "The number read on the card differs from the typed one (positions 17–18): an error on the slot and on the certificate number (api.md).")
case("card-number-low-confidence", P, docs(PA, idCardFront=card_front(MISREAD, 0.6), idCardBack=card_back("2035-03-07")), [],
     "The same difference read with confidence 0.6 (below documents.minConfidence 0.9): never an error.")
case("card-number-no-confidence", P, docs(PA, idCardFront=card_front(MISREAD, None), idCardBack=card_back("2035-03-07")), [],
     "A number without a confidence is not trusted either.")
case("card-expired", P, docs(PA, idCardFront=card_front(ZHANG), idCardBack=card_back("2026-01-01")),
     [(PA + ".documents.idCardBack", "form.cert.expired"), (PA + ".certValidUntil", "image.validity_mismatch")],
     "The card read expired on 2026-01-01 (the existing expiry code, on the slot); the typed 2035-03-07 then differs from it too.")
case("card-expiring-within-minimum", P, both(docs(PA, idCardFront=card_front(ZHANG), idCardBack=card_back("2027-01-15")), setp(PA + ".certValidUntil", "2027-01-15"),
                                            setp("subject.certValidUntil", "2027-01-15"), setp("websites.0.principal.certValidUntil", "2027-01-15")),
     [(PA + ".documents.idCardBack", "form.cert.expiring"), ("subject.certValidUntil", "form.cert.expiring"),
      (PA + ".certValidUntil", "form.cert.expiring"), ("websites[0].principal.certValidUntil", "form.cert.expiring")],
     "The card expires within the province's 3 months; the typed dates agree with it and are reported as before.")
case("card-validity-differs", P, docs(PA, idCardFront=card_front(ZHANG), idCardBack=card_back("2035-03-17")),
     [(PA + ".certValidUntil", "image.validity_mismatch")],
     "The typed validity end differs from the card's: a warning (the reading may be off by a digit).")
case("card-validity-low-confidence", P, docs(PA, idCardFront=card_front(ZHANG), idCardBack=card_back("2026-01-01", 0.5)), [],
     "An expired date read with low confidence: nothing reported.")
NO_PRINCIPALS = both(setp(PA, DELETE), setp("websites.0.principal", DELETE))
case("personal-principals-filled-from-subject", P, both(NO_PRINCIPALS, setp("subject.mobile", "13800138000"), setp("subject.email", "zhangwei@example.com.cn"),
                                                        setp("subject.emergencyPhone", "13911112222")), [],
     "A personal filing without principals: checkForm takes them from the subject (docs/form-documents.md).")
case("personal-principals-filled-typo-once", P, both(NO_PRINCIPALS, setp("subject.mobile", "13800138000"), setp("subject.email", "zhangwei@example.com.cn"),
                                                     setp("subject.emergencyPhone", "13911112222"), setp("subject.certNumber", ZHANG[:-1] + ("0" if ZHANG[-1] != "0" else "1"))),
     [("subject.certNumber", "number.checksum")],
     "A typo in the subject's ID is reported once, where it was typed, not again at the filled principals.")
case("personal-principals-filled-mobile-missing", P, NO_PRINCIPALS,
     [(PA + ".mobile", "form.required"), (PA + ".email", "form.recommended"), (PA + ".emergencyPhone", "form.recommended")],
     "Filled from a subject without contact fields: the mobile is missing (once, at the subject principal); e-mail and emergency phone are recommended.")
case("name-place-differs-from-credit-code", E, both(setp("province", "京"), setp("subject.address", "北京市朝阳区建国路 88 号"), setp("subject.certNumber", uscc("91110105", "MA5FXT0K")), *NO_LANDLINES),
     [("subject.name", "form.subject.name_region_mismatch")],
     "深圳市… registered in Beijing (credit code 110105): a warning with the relocation caveat (issue 16 item 16).")
case("personal-principals-filled-name-missing", P, both(NO_PRINCIPALS, setp("subject.name", DELETE), setp("subject.mobile", "13800138000"),
                                                        setp("subject.email", "zhangwei@example.com.cn"), setp("subject.emergencyPhone", "13911112222")),
     [("subject.name", "form.required")],
     "The subject's name is missing: one finding at subject.name, not again at the principals filled from it.")
case("no-websites", P, setp("websites", []), [("websites", "form.websites.empty")], "A filing needs a website.")

out = os.path.join("tests", "vectors", "forms")
for name in os.listdir(out):
    if name.endswith(".json"):
        os.remove(os.path.join(out, name))
for name, form, expect, note in cases:
    doc = {
        "about": "Generated by scripts/gen-form-vectors.py — do not edit by hand.",
        "note": note,
        "options": OPTIONS,
        "form": form,
        "ok": not any(code for _, code in expect if code not in WARNINGS),
        "expect": [{"path": p, "code": c} for p, c in expect],
    }
    with open(os.path.join(out, name + ".json"), "w") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
print(f"wrote {len(cases)} form vectors to {out}")
