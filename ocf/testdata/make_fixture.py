#!/usr/bin/env python3
"""Writes testdata/glowpoint: a coherent OCF v1.2.0 export of an issuer with a
dozen W-F-05 warrants, a partial transfer, a cancellation and a 3:1 split;
and testdata/glowpoint-originals: the same warrants outstanding with no
transaction of the series (W-F-05-003 and 007 never issued, 013 and 014
issued on their own), for the tests of exports that are not about the ledger.
Kept for review; the JSON files are committed. Run from ocf/testdata."""
import hashlib, json, os, sys

ORIGINALS = len(sys.argv) > 1 and sys.argv[1] == "originals"
D = "glowpoint-originals" if ORIGINALS else "glowpoint"
holders = [
    ("alpha", "Alpha Capital Anstalt", "Pradafant 7", "Vaduz", None, "9490", "LI"),
    ("gryphon", "Gryphon Master Fund, L.P.", "100 Crescent Court, Suite 490", "Dallas", "TX", "75201", "US"),
    ("nunez", "José Ñúñez García", "Calle de Serrano 41", "Madrid", None, "28001", "ES"),
    ("zolc", "Łukasz Żółć", "ul. Marszałkowska 84/92", "Warszawa", None, "00-514", "PL"),
    ("yamada", "山田太郎", "丸の内1-1-1", "千代田区", None, "100-0005", "JP"),
    ("orsted", "Ørsted Family Trust", "Kongens Nytorv 3", "København K", None, "1050", "DK"),
    ("bristol", "Bristol Investment Fund, Ltd.", "10 Market Street", "George Town", None, "KY1-9006", "KY"),
    ("smith", "Jane Smith", "12 Elm Street\nApt. 4", "Springfield", "IL", "62701", "US"),
    ("omega", "Omega Partners LLC", "500 Fifth Avenue", "New York", "NY", "10110", "US"),
    ("kappa", "Kappa Holdings AG", "Bahnhofstrasse 1", "Zürich", None, "8001", "CH"),
    ("lambda", "Lambda Ventures", "1 Infinite Loop", "Cupertino", "CA", "95014", "US"),
    ("mu", "Mu Family Office", "20 Rue de Rivoli", "Paris", None, "75001", "FR"),
    ("transferee", "Transferee Capital LP", "2 Park Plaza", "Boston", "MA", "02116", "US"),
]
shares = ["250000", "166667", "83333", "41667", "20833", "12500.50", "100000", "5000", "75000", "60000", "45000", "30000"]

def stakeholder(h):
    sid, name, street, city, sub, postal, country = h
    addr = {"address_type": "CONTACT", "street_suite": street, "city": city, "country": country, "postal_code": postal}
    if sub:
        addr["country_subdivision"] = sub
    return {"object_type": "STAKEHOLDER", "id": "sh-" + sid, "name": {"legal_name": name},
            "stakeholder_type": "INSTITUTION", "addresses": [addr]}

def warrant(n, holder, qty, date="2005-03-14"):
    num = "W-F-05-%03d" % n
    return {"object_type": "TX_WARRANT_ISSUANCE", "id": "tx-issue-%03d" % n, "security_id": "sec-w-%03d" % n,
            "date": date, "custom_id": num, "stakeholder_id": "sh-" + holder, "security_law_exemptions": [],
            "quantity": qty, "exercise_price": {"amount": "2.40", "currency": "USD"},
            "purchase_price": {"amount": "0.00", "currency": "USD"},
            "exercise_triggers": [{"trigger_id": "%s.exercise" % num, "type": "ELECTIVE_AT_WILL",
                "conversion_right": {"type": "WARRANT_CONVERSION_RIGHT",
                    "conversion_mechanism": {"type": "FIXED_AMOUNT_CONVERSION", "converts_to_quantity": qty},
                    "converts_to_stock_class_id": "class-common"}}],
            "warrant_expiration_date": "2010-03-14"}

txs = [{"object_type": "TX_STOCK_ISSUANCE", "id": "tx-common-founders", "security_id": "sec-cs-1", "date": "2005-01-03",
        "custom_id": "CS-1", "stakeholder_id": "sh-omega", "security_law_exemptions": [], "stock_class_id": "class-common",
        "share_price": {"amount": "0.01", "currency": "USD"}, "quantity": "43034176", "stock_legend_ids": []}]
for i, q in enumerate(shares):
    if not ORIGINALS or i + 1 not in (3, 7):
        txs.append(warrant(i + 1, holders[i][0], q))
# W-F-05-003 (83333) transfers 33333 to the transferee; the balance of 50000 stays.
txs.append(warrant(13, "transferee", "33333", "2005-06-01"))
txs.append(warrant(14, "nunez", "50000", "2005-06-01"))
if not ORIGINALS:
    txs.append({"object_type": "TX_WARRANT_TRANSFER", "id": "tx-transfer-003", "security_id": "sec-w-003", "date": "2005-06-01",
                "quantity": "83333", "resulting_security_ids": ["sec-w-013"], "balance_security_id": "sec-w-014"})
    # W-F-05-007 is cancelled.
    txs.append({"object_type": "TX_WARRANT_CANCELLATION", "id": "tx-cancel-007", "security_id": "sec-w-007", "date": "2005-08-01",
                "quantity": "100000", "reason_text": "Surrendered by the holder"})
# A split of another class, which must not become an event.
txs.append({"object_type": "TX_STOCK_CLASS_SPLIT", "id": "split-preferred-2005", "date": "2005-10-01",
            "stock_class_id": "class-preferred", "split_ratio": {"numerator": "2", "denominator": "1"}})
txs.append({"object_type": "TX_STOCK_CLASS_SPLIT", "id": "split-2006", "date": "2006-01-17",
            "stock_class_id": "class-common", "split_ratio": {"numerator": "3", "denominator": "1"}})

classes = [
    {"object_type": "STOCK_CLASS", "id": "class-common", "name": "Common Stock", "class_type": "COMMON", "default_id_prefix": "CS-",
     "initial_shares_authorized": "150000000", "votes_per_share": "1", "seniority": "1"},
    {"object_type": "STOCK_CLASS", "id": "class-preferred", "name": "Series A Preferred", "class_type": "PREFERRED", "default_id_prefix": "PA-",
     "initial_shares_authorized": "5000000", "votes_per_share": "1", "seniority": "2"},
]

def write(name, ftype, items):
    data = (json.dumps({"file_type": ftype, "items": items}, indent=2, ensure_ascii=False) + "\n").encode()
    with open(os.path.join(D, name), "wb") as f:
        f.write(data)
    return {"filepath": "./" + name, "md5": hashlib.md5(data).hexdigest()}

os.makedirs(D, exist_ok=True)
sc = write("StockClasses.ocf.json", "OCF_STOCK_CLASSES_FILE", classes)
sh = write("Stakeholders.ocf.json", "OCF_STAKEHOLDERS_FILE", [stakeholder(h) for h in holders])
tx = write("Transactions.ocf.json", "OCF_TRANSACTIONS_FILE", txs)
manifest = {"ocf_version": "1.2.0", "file_type": "OCF_MANIFEST_FILE",
    "issuer": {"object_type": "ISSUER", "id": "issuer-glowpoint", "legal_name": "Glowpoint, Inc.", "formation_date": "2000-01-01",
               "country_of_formation": "US", "country_subdivision_of_formation": "DE",
               "address": {"address_type": "LEGAL", "street_suite": "225 Long Avenue", "city": "Hillside", "country_subdivision": "NJ",
                           "postal_code": "07205", "country": "US"},
               "phone": {"phone_number": "+1 973 391 2000", "phone_type": "BUSINESS"}},
    "as_of": "2006-01-17", "generated_at": "2006-01-17T00:00:00Z",
    "stock_plans_files": [], "stock_legend_templates_files": [], "stock_classes_files": [sc], "vesting_terms_files": [],
    "valuations_files": [], "transactions_files": [tx], "stakeholders_files": [sh]}
with open(os.path.join(D, "Manifest.ocf.json"), "w") as f:
    f.write(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
