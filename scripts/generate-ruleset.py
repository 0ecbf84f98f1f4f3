#!/usr/bin/env python3
"""Generate a large, realistic Clausier rule set, for benchmarking `clausier check`.

    scripts/generate-ruleset.py --decisions 10000 --out /tmp/clausier-10k [--contracts 10] [--seed 1]

Writes K rule files (`generated-01.yaml`, ...) whose decisions together number N. Each file is
one contract with its header, a few contract terms (conflicting provisions resolved with
`prevails` and `because`), a pool of definitions (some calling others), and decisions drawn
from templates that use what the rule language offers: deadlines in calendar days, business
days, jours francs, months (and end_of_month), tiers with `boundaries: lower_inclusive` and
contiguous rows, cases ending in `otherwise`, exclusions over grounds, record answers and
inputs, lists of records with sum/count/any, optional inputs with `exists` and `??` (and
`counts: only_if_past`), money arithmetic, requirements, `let`, definitions called by
decisions, and `cites` / `because` throughout.

The output is deterministic for a given (--decisions, --contracts, --seed) and every file
checks clean (`clausier check --strict DIR` exits 0). It is benchmark input, not rules: write it
to /tmp (or another path git ignores), never into Rules/.
"""

from __future__ import annotations

import argparse
import os
import random
import sys

# --------------------------------------------------------------------------------------------
# Vocabulary (deterministic choices are made from these with a seeded random.Random)

SUBJECTS = [
    "invoice", "order", "claim", "request", "delivery", "ticket", "notice", "renewal",
    "audit", "payment", "report", "shipment", "booking", "complaint", "proposal", "quote",
]
TITLES = [
    "Hosting services agreement", "Maintenance contract", "Software licence and support",
    "Managed email routing", "Lead generation terms", "Telephony SaaS terms",
    "Cloud backup agreement", "Data processing agreement", "Consulting framework agreement",
    "Field service contract", "Payroll outsourcing terms", "Marketing automation CGV",
]
ROUNDINGS = ["half_away_from_zero", "half_even", "half_away_from_zero", "up", "down"]


def art(rng: random.Random) -> str:
    """A plausible article reference, as contracts write them."""
    style = rng.randrange(6)
    major = rng.randint(1, 24)
    if style <= 2:
        return f"art. {major}.{rng.randint(1, 9)}"
    if style == 3:
        return f"art. {major}"
    if style == 4:
        return f"art. {major}.{'ABC'[rng.randrange(3)]}.{['i', 'ii', 'iii', 'iv', 'v'][rng.randrange(5)]}"
    return f"annex {['I', 'II', 'III', 'IV'][rng.randrange(4)]}.{rng.randint(1, 12)}"


def cites(rng: random.Random, *articles: str) -> str:
    """`cites:` value: one article, or a flow list of several."""
    if len(articles) == 1:
        return articles[0]
    return "[" + ", ".join(articles) + "]"


def money(rng: random.Random, low: int, high: int, cents: bool = True) -> str:
    whole = rng.randint(low, high)
    if cents and rng.random() < 0.5:
        return f"{whole}.{rng.randint(0, 99):02d} EUR"
    return f"{whole} EUR"


# --------------------------------------------------------------------------------------------
# Definitions: a pool per contract, called by the decisions below.


def definition_pool(rng: random.Random, count: int) -> tuple[str, list[dict]]:
    """`count` groups of definitions; returns the YAML text and, per group, the names to call."""
    out = ["definitions:"]
    groups = []
    for g in range(count):
        a = art(rng)
        due_days = rng.choice([14, 30, 45, 60])
        grace = rng.choice([2, 3, 5, 8, 10])
        names = {
            "due": f"due_date_{g}",
            "grace": f"grace_end_{g}",
            "penalty": f"incident_penalty_{g}",
            "interest": f"interest_owed_{g}",
            "plan": f"plan_end_{g}",
        }
        hours = sorted(rng.sample(range(1, 9), 4))
        hrs = [f"{h} hour" + ("" if h == 1 else "s") for h in hours]
        rates = sorted(rng.sample([5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 80, 90], 4))
        mult = rng.choice(["1.5", "3", "2", "1.2"])
        out.append(f"""  {names['due']}:
    title: The day by which an invoice must be paid
    cites: {a}
    params:
      issued_on: date
    returns: date
    value: issued_on + {due_days} days

  {names['grace']}:
    title: The last day of the grace period after the due date
    cites: {cites(rng, a, art(rng))}
    params:
      issued_on: date
    returns: date
    # Reading: the grace period counts business days from the due date.
    value: {names['due']}(issued_on) + {grace} business_days

  {names['penalty']}:
    title: The availability penalty owed for one incident
    cites: {a}
    params:
      incident: {{recorded_at: datetime, closed_at: datetime, critical: bool}}
      monthly_fee: money
    returns: {{rate: percent, penalty: money}}
    let:
      outage: incident.closed_at - incident.recorded_at
      rate:
        cases:
          - when: not incident.critical
            then: 0%
            cites: {a}
            because: only incidents on a critical service are penalised
          - otherwise:
              tiers:
                of: outage
                boundaries: lower_inclusive
                cites: {a}
                rows:
                  - {{from: 0 hours, to: {hrs[0]}, then: 0%, because: restored within the guaranteed time}}
                  - {{from: {hrs[0]}, to: {hrs[1]}, then: {rates[0]}%}}
                  - {{from: {hrs[1]}, to: {hrs[2]}, then: {rates[1]}%}}
                  - {{from: {hrs[2]}, to: {hrs[3]}, then: {rates[2]}%}}
                  - {{from: {hrs[3]}, then: {rates[3]}%, because: restoration failed for too long}}
            cites: {a}
            because: the incident hit a critical service, so the tiers apply
    value:
      rate: rate
      penalty: monthly_fee * rate

  {names['interest']}:
    title: Late-payment interest on an amount
    cites: {a}
    params:
      amount: money
      days_late: int
      legal_rate: percent
    returns: money
    # Simple interest on the actual days late over 365.
    value: amount * ({mult} * legal_rate) * days_late / 365

  {names['plan']}:
    title: The last day of a plan extended by closure days
    cites: {a}
    params:
      start_on: date
      closure_days: int
    returns: date
    value: start_on + {rng.choice([29, 30, 89, 364])} days + days(closure_days)
""")
        groups.append(names)
    return "\n".join(out), groups


# --------------------------------------------------------------------------------------------
# Decision templates. Each returns the YAML text of one decision (indented under `decisions:`).


def d_calendar_deadline(rng, name, defs):
    s = rng.choice(SUBJECTS)
    n = rng.choice([7, 8, 10, 14, 15, 21, 30, 45, 60, 90])
    a = art(rng)
    return f"""  {name}:
    title: Last day to act on a {s}, {n} calendar days after it is received
    cites: {a}
    inputs:
      {s}.received_on: date
    returns: date
    # Reading: the day of receipt is day 0; the deadline is inclusive.
    value: {s}.received_on + {n} days
"""


def d_business_deadline(rng, name, defs):
    s = rng.choice(SUBJECTS)
    n = rng.choice([2, 3, 5, 8, 10, 12, 15])
    a = art(rng)
    return f"""  {name}:
    title: Last day to contest a {s}, in business days
    cites: {a}
    inputs:
      {s}.received_on: date
    returns: date
    # "dans un délai de {n} jours ouvrés": Monday to Friday, not a public holiday.
    value: {s}.received_on + {n} business_days
"""


def d_jours_francs(rng, name, defs):
    n = rng.choice([7, 10, 14])
    a = art(rng)
    return f"""  {name}:
    title: The right of retraction ({n} jours francs)
    cites: {a}
    inputs:
      order.accepted_on: date
      service.started_with_consent_on: {{type: date?, counts: only_if_past}}
    returns: {{open: bool, deadline: date}}
    let:
      # The day of acceptance is not counted; an end on a weekend or holiday moves forward.
      deadline: order.accepted_on + {n} jours_francs
    value:
      open:
        cases:
          - when: exists(service.started_with_consent_on) and service.started_with_consent_on <= deadline
            then: false
            cites: {a}
            because: the service started with the client's consent before the end of the period
          - when: as_of > deadline
            then: false
            cites: {a}
            because: the {n} jours francs have passed
          - otherwise: true
            cites: {a}
            because: within the {n} jours francs and the service has not started
      deadline: deadline
"""


def d_months_termination(rng, name, defs):
    notice = rng.choice([1, 2, 3])
    commit = rng.choice([12, 24, 36])
    a, b = art(rng), art(rng)
    return f"""  {name}:
    title: Date a termination by the client takes effect
    cites: {cites(rng, a, b)}
    inputs:
      subscription.started_on: date
      termination.notified_on: date
    returns: date
    require:
      - that: termination.notified_on >= subscription.started_on
        fact: termination.notified_on
        message: the termination is notified before the subscription started
    let:
      notice_expires_on: termination.notified_on + {notice} months
      commitment_ends_on: subscription.started_on + {commit} months - 1 day
    value:
      cases:
        - when: notice_expires_on >= commitment_ends_on
          then: end_of_month(notice_expires_on)
          cites: {a}
          because: the notice expires after the initial commitment; termination takes effect at the end of that month
        - otherwise: end_of_month(commitment_ends_on)
          cites: {cites(rng, a, b)}
          because: the client is bound for the initial commitment of {commit} months
"""


def d_sla_penalty(rng, name, defs):
    g = rng.choice(defs)
    return f"""  {name}:
    title: Penalty for one incident under the availability guarantee
    cites: {art(rng)}
    inputs:
      incident.recorded_at: datetime
      incident.closed_at: datetime
      incident.critical: bool
      subscription.monthly_fee: money
    returns: {{rate: percent, penalty: money}}
    require:
      - that: incident.closed_at >= incident.recorded_at
        fact: incident.closed_at
        message: the incident is closed before it was recorded
    value: {g['penalty']}(incident, subscription.monthly_fee)
"""


def d_sla_monthly(rng, name, defs):
    g = rng.choice(defs)
    a = art(rng)
    cap = rng.choice([30, 50, 100])
    return f"""  {name}:
    title: Total availability penalties of a month, capped at {cap}% of the fee
    cites: {a}
    inputs:
      incidents:
        list: {{recorded_at: datetime, closed_at: datetime, critical: bool}}
      subscription.monthly_fee: money
    returns: money
    require:
      - for_each: incidents
        as: incident
        that: incident.closed_at >= incident.recorded_at
        fact: incident.closed_at
        message: the incident is closed before it was recorded
    let:
      total: sum(incidents, incident => {g['penalty']}(incident, subscription.monthly_fee).penalty)
      cap: subscription.monthly_fee * {cap}%
    value:
      cases:
        - when: total > cap
          then: cap
          cites: {a}
          because: the penalties of a month cannot exceed {cap}% of the monthly fee
        - otherwise: total
          cites: {a}
"""


def d_count_tiers(rng, name, defs):
    a = art(rng)
    first = rng.randint(2, 3)
    second = first + rng.randint(1, 3)
    return f"""  {name}:
    title: Suspension of the service for repeated breaches
    cites: {a}
    inputs:
      violations.count: int
    returns: enum(none, warning, temporary, permanent)
    value:
      tiers:
        of: violations.count
        boundaries: lower_inclusive
        cites: {a}
        rows:
          - {{from: 0, to: 1, then: none, because: no breach of the rules}}
          - {{from: 1, to: {first}, then: warning}}
          - {{from: {first}, to: {second}, then: temporary, because: a breach allows a temporary suspension}}
          - {{from: {second}, then: permanent, because: repeated breaches allow closing the account}}
"""


def d_volume_discount(rng, name, defs):
    a = art(rng)
    steps = sorted(rng.sample(range(10, 500, 10), 3))
    rates = sorted(rng.sample([2, 3, 5, 7, 8, 10, 12, 15, 20], 3))
    return f"""  {name}:
    title: Volume discount on an order
    cites: {a}
    inputs:
      order.units: int
      order.unit_price: money
    returns: {{discount: percent, net: money}}
    let:
      gross: order.unit_price * decimal(order.units)
      discount:
        tiers:
          of: order.units
          boundaries: lower_inclusive
          cites: {a}
          rows:
            - {{from: 0, to: {steps[0]}, then: 0%}}
            - {{from: {steps[0]}, to: {steps[1]}, then: {rates[0]}%}}
            - {{from: {steps[1]}, to: {steps[2]}, then: {rates[1]}%}}
            - {{from: {steps[2]}, then: {rates[2]}%, because: the largest orders get the highest rate}}
    value:
      discount: discount
      net: gross - gross * discount
"""


def d_suspension_cases(rng, name, defs):
    a, b = art(rng), art(rng)
    return f"""  {name}:
    title: Suspension of access, and why
    cites: {cites(rng, a, b)}
    inputs:
      invoices.any_unpaid: bool
      account.breach: bool
      account.security_incident: bool
    returns:
      suspend: bool
      reason: enum(none, unpaid_invoice, breach, security)
    value:
      cases:
        - when: account.security_incident
          then: {{suspend: true, reason: security}}
          cites: {b}
          because: a security incident allows suspension at once; it is reported first
        - when: invoices.any_unpaid
          then: {{suspend: true, reason: unpaid_invoice}}
          cites: {a}
          because: non-payment of an invoice
        - when: account.breach
          then: {{suspend: true, reason: breach}}
          cites: {a}
          because: non-compliance with the terms
        - otherwise: {{suspend: false, reason: none}}
          cites: {a}
          because: nothing allows suspension
"""


def d_refund_grounds(rng, name, defs):
    a, b = art(rng), art(rng)
    return f"""  {name}:
    title: Whether a delivered item may be put forward for a refund
    cites: {cites(rng, a, b)}
    inputs:
      item.defective: bool
      item.not_as_described: bool
      item.late: bool
      item.modified_by_client: bool
      item.used_beyond_trial: bool
    returns:
      decision: enum(refundable, not_refundable)
      reason: enum(modified_by_client, used_beyond_trial, defective, not_as_described, late, no_ground)
    value:
      exclusions:
        - when: item.modified_by_client
          reason: modified_by_client
          cites: {a}
          because: an item modified by the client cannot be refunded
        - {{when: item.used_beyond_trial, reason: used_beyond_trial, cites: {a}, because: the trial period is over}}
      grounds:
        - when: item.defective
          reason: defective
          cites: {b}
          because: the item is defective
        - {{when: item.not_as_described, reason: not_as_described, cites: {b}}}
        - {{when: item.late, reason: late, cites: {b}, because: the item was delivered late}}
      granted: refundable
      refused: not_refundable
      no_ground: no_ground
      cites: {b}
      because: none of the refund cases holds
"""


def d_late_interest(rng, name, defs):
    g = rng.choice(defs)
    a = art(rng)
    indemnity = rng.choice([0, 40, 40, 50])
    return f"""  {name}:
    title: Late-payment interest and fixed recovery indemnity
    cites: {a}
    inputs:
      invoice.amount: money
      invoice.issued_on: date
      invoice.paid_on: {{type: date?, counts: only_if_past}}
      legal_interest_rate: percent
    returns: {{due_on: date, interest: money, recovery_indemnity: money, total: money}}
    let:
      due_on: {g['due']}(invoice.issued_on)
      settled_on: invoice.paid_on ?? as_of
      days_late: max(days_between(due_on, settled_on), 0)
      interest: {g['interest']}(invoice.amount, days_late, legal_interest_rate)
      indemnity:
        cases:
          - when: days_late > 0
            then: {indemnity} EUR
            cites: {a}
            because: a fixed indemnity for recovery costs is owed on any late payment
          - otherwise: 0 EUR
            cites: {a}
            because: paid on or before the due date, no penalty is owed
    value:
      due_on: due_on
      interest: interest
      recovery_indemnity: indemnity
      total: interest + indemnity
"""


def d_grace_suspension(rng, name, defs):
    g = rng.choice(defs)
    a = art(rng)
    return f"""  {name}:
    title: Whether the account may be suspended for the oldest unpaid invoice
    cites: {a}
    inputs:
      invoices.oldest_unpaid_issued_on: {{type: date?, counts: only_if_past}}
    returns: bool
    value:
      cases:
        - when: not exists(invoices.oldest_unpaid_issued_on)
          then: false
          cites: {a}
          because: no invoice is unpaid
        - otherwise: as_of > {g['grace']}(invoices.oldest_unpaid_issued_on)
          cites: {a}
          because: suspension is allowed once the grace period after the due date has passed
"""


def d_liability_cap(rng, name, defs):
    a = art(rng)
    months = rng.choice([3, 6, 12])
    return f"""  {name}:
    title: Cap on the provider's total liability
    cites: {a}
    inputs:
      claim.generating_fact_on: date
      claim.gross_negligence: bool
      payments:
        list: {{paid_on: date, amount: money}}
    returns: {{capped: bool, cap: money?}}
    let:
      window_starts_on: claim.generating_fact_on - {months} months
      received: >-
        sum(payments, p => if p.paid_on >= window_starts_on and p.paid_on < claim.generating_fact_on
        then p.amount else 0 EUR)
    value:
      cases:
        - when: claim.gross_negligence
          then: {{capped: false, cap: none}}
          cites: {a}
          because: no cap applies to gross negligence
        - otherwise: {{capped: true, cap: received}}
          cites: {a}
          because: the cap is what was received in the {months} months before the generating fact
"""


def d_overage(rng, name, defs):
    a = art(rng)
    return f"""  {name}:
    title: Charge for usage beyond the included volume
    cites: {a}
    inputs:
      usage.included_units: int
      usage.used_units: int
      usage.rate_per_unit: money
      usage.discount: percent?
    returns: money
    let:
      overage: max(usage.used_units - usage.included_units, 0)
      gross: usage.rate_per_unit * decimal(overage)
    value:
      cases:
        - when: overage == 0
          then: 0 EUR
          cites: {a}
          because: usage stayed within the included volume
        - when: exists(usage.discount)
          then: gross - gross * usage.discount
          cites: {a}
          because: the negotiated discount applies to the overage
        - otherwise: gross
          cites: {a}
          because: units beyond the included volume are billed at the plan's rate
"""


def d_fee_formula(rng, name, defs):
    a = art(rng)
    base = rng.choice([150, 250, 350, 500])
    extra = rng.choice([50, 75, 100])
    return f"""  {name}:
    title: Fee for retrieving a closed account's data
    cites: {a}
    inputs:
      retrieval.years: int
    returns: money
    require:
      - that: retrieval.years >= 1
        fact: retrieval.years
        message: the retrieval covers at least one year
    value: {base} EUR + {extra} EUR * (retrieval.years - 1)
"""


def d_support_open(rng, name, defs):
    a = art(rng)
    start, end = rng.choice([("08:00", "18:00"), ("09:00", "17:00"), ("08:30", "19:00")])
    return f"""  {name}:
    title: Whether user support is open
    cites: {a}
    inputs:
      at: datetime
    returns: bool
    let:
      day: local_date(at)
      time: local_time(at)
    value:
      cases:
        - when: is_holiday(day)
          then: false
          cites: {a}
          because: support is closed on public holidays
        - when: not is_business_day(day)
          then: false
          cites: {a}
          because: support is open Monday to Friday
        - otherwise: time >= {start} and time < {end}
          cites: {a}
          because: support is open during business hours, local time
"""


def d_unsubscribe(rng, name, defs):
    a = art(rng)
    h = rng.choice([24, 48, 72])
    return f"""  {name}:
    title: Time by which a request must be honoured
    cites: {a}
    inputs:
      request.made_at: datetime
    returns: datetime
    # {h} hours of real elapsed time, across daylight-saving changes.
    value: request.made_at + {h} hours
"""


def d_data_return(rng, name, defs):
    a = art(rng)
    link = rng.choice([15, 30, 60])
    return f"""  {name}:
    title: Return of the client's data after termination
    cites: {a}
    inputs:
      termination.cause: enum(trial_end, client, nonpayment, breach)
      termination.notified_on: date
      termination.effective_on: date
    returns:
      request_deadline: date?
      link_expires_on: date
      returned: list of enum(contacts, emails, documents, history)
    value:
      request_deadline:
        cases:
          - when: termination.cause == trial_end
            then: none
            cites: {a}
            because: no request deadline is set at the end of the trial period
          - otherwise: termination.notified_on + 15 days
            cites: {a}
      link_expires_on: termination.effective_on + {link} days
      returned:
        cases:
          - when: termination.cause == client
            then: [contacts, emails, documents, history]
            cites: {a}
            because: on the client's termination everything is returned
          - otherwise: [contacts, emails, documents]
            cites: {a}
"""


def d_retention_term(rng, name, defs, term):
    return f"""  {name}:
    title: Date by which data is deleted after the subscription ends
    cites: {art(rng)}
    inputs:
      subscription.ended_on: date
    returns: date
    value: subscription.ended_on + {term}
"""


def d_plan_quota(rng, name, defs):
    g = rng.choice(defs)
    a = art(rng)
    return f"""  {name}:
    title: Units to take each day for the rest of the plan
    cites: {a}
    inputs:
      plan.start_on: date
      plan.remaining: int
      plan.closure_days: int
    returns: int
    let:
      counted_from: max(as_of, plan.start_on)
      last_day: {g['plan']}(plan.start_on, plan.closure_days)
      days_left: days_between(counted_from, last_day) + 1
    value:
      cases:
        - when: days_left <= 0
          then: 0
          cites: {a}
          because: the plan has ended
        - when: plan.remaining == 0
          then: 0
          cites: {a}
          because: nothing remains to be taken
        - otherwise: ceil(plan.remaining / days_left)
          cites: {a}
          because: the remainder spread over the days left, rounded up
"""


def d_price_change(rng, name, defs):
    a = art(rng)
    notice = rng.choice([30, 60, 90])
    return f"""  {name}:
    title: Whether a price change may apply to a running subscription
    cites: {a}
    inputs:
      price_change.notified_on: date
      price_change.effective_on: date
      price_change.last_change_on: {{type: date?, counts: only_if_past}}
      price_change.increase: percent
    returns: bool
    value:
      cases:
        - when: price_change.effective_on - price_change.notified_on < {notice} days
          then: false
          cites: {a}
          because: the change must be notified at least {notice} days ahead
        - when: exists(price_change.last_change_on) and price_change.last_change_on > price_change.effective_on - 12 months
          then: false
          cites: {a}
          because: prices may change only once a year
        - when: price_change.increase > {rng.choice([5, 8, 10])}%
          then: false
          cites: {a}
          because: the increase is above the contractual ceiling
        - otherwise: true
          cites: {a}
"""


def d_counts(rng, name, defs):
    a = art(rng)
    return f"""  {name}:
    title: Whether a batch of deliveries was compliant
    cites: {a}
    inputs:
      deliveries:
        list: {{promised_on: date, delivered_on: date, units: int}}
      threshold: int
    returns: {{late: int, breach: bool, all_on_time: bool, any_late: bool, units: int}}
    let:
      late: count(deliveries, d => d.delivered_on > d.promised_on + 7 days)
    value:
      late: late
      breach: late > threshold
      all_on_time: all(deliveries, d => d.delivered_on <= d.promised_on)
      any_late: any(deliveries, d => d.delivered_on > d.promised_on)
      units: sum(deliveries, d => d.units)
"""


TEMPLATES = [
    (d_calendar_deadline, 10),
    (d_business_deadline, 8),
    (d_jours_francs, 5),
    (d_months_termination, 6),
    (d_sla_penalty, 6),
    (d_sla_monthly, 4),
    (d_count_tiers, 5),
    (d_volume_discount, 5),
    (d_suspension_cases, 6),
    (d_refund_grounds, 6),
    (d_late_interest, 7),
    (d_grace_suspension, 5),
    (d_liability_cap, 4),
    (d_overage, 5),
    (d_fee_formula, 3),
    (d_support_open, 3),
    (d_unsubscribe, 3),
    (d_data_return, 4),
    (d_plan_quota, 4),
    (d_price_change, 5),
    (d_counts, 3),
    ("retention", 3),
]


# --------------------------------------------------------------------------------------------


def terms_block(rng: random.Random, count: int) -> tuple[str, list[str]]:
    out = ["terms:"]
    names = []
    for t in range(count):
        short, long = rng.choice([(3, 6), (6, 12), (12, 24), (1, 3)])
        a, b = art(rng), art(rng)
        while b == a:
            b = art(rng)
        name = f"data_retention_{t}"
        names.append(name)
        out.append(f"""  {name}:
    title: How long the data is kept after the subscription ends
    provisions:
      - cites: {a}
        value: {short} months
        says: Les données liées aux prospects ne sont pas conservées plus de {short} mois après la fin de l'abonnement.
      - cites: {b}
        value: {long} months
        says: Les données de l'utilisateur sont conservées pendant {long} mois à l'issue de la fin de l'abonnement.
    prevails: {a}
    because: the specific provision, and the one that keeps personal data for less time
""")
    return "\n".join(out), names


def contract_file(index: int, decisions: int, rng: random.Random) -> str:
    cid = f"generated-{index:02d}"
    year = rng.randint(2015, 2025)
    header = f"""# Generated by scripts/generate-ruleset.py: benchmark input, not a real contract.
contract:
  id: {cid}
  title: {rng.choice(TITLES)} (generated {index})
  source: generated-{index:02d}.txt
  effective: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}
  timezone: {rng.choice(['Europe/Paris', 'Europe/Paris', 'UTC'])}
  currency: EUR
  holidays: FR
  rounding: {rng.choice(ROUNDINGS)}
  months: clamp_to_month_end
"""
    terms_text, terms = terms_block(rng, max(1, decisions // 200))
    defs_text, defs = definition_pool(rng, max(1, decisions // 25))
    weights = [w for _, w in TEMPLATES]
    body = ["decisions:"]
    for d in range(decisions):
        template, _ = rng.choices(TEMPLATES, weights=weights)[0]
        if template == "retention":
            body.append(d_retention_term(rng, f"retention_end_{d}", defs, rng.choice(terms)))
        else:
            body.append(template(rng, f"{template.__name__[2:]}_{d}", defs))
    return "\n".join([header, terms_text, defs_text, "\n".join(body)])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--decisions", type=int, required=True, help="total number of decisions (N)")
    parser.add_argument("--out", required=True, help="directory to write the rule files into")
    parser.add_argument("--contracts", type=int, default=10, help="number of rule files (K, default 10)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.decisions < args.contracts or args.contracts < 1:
        parser.error("need at least one decision per contract")
    os.makedirs(args.out, exist_ok=True)
    # Remove earlier generated files, so that a smaller --contracts leaves no stale contract.
    for entry in os.listdir(args.out):
        if entry.startswith("generated-") and entry.endswith(".yaml"):
            os.remove(os.path.join(args.out, entry))
    base, extra = divmod(args.decisions, args.contracts)
    for k in range(args.contracts):
        count = base + (1 if k < extra else 0)
        rng = random.Random(f"{args.seed}/{k}")
        text = contract_file(k + 1, count, rng)
        with open(os.path.join(args.out, f"generated-{k + 1:02d}.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
