"""Golden vectors for the provisions engine: creditriskengine 0.31.0's IFRS 9 twelve-month
and lifetime ECL, CECL PD/LGD ECL, the SICR test and the RBI 2026 provision floors.

    /tmp/ref/bin/python scripts/golden/ecl.py      # writes Tests/Golden/provisions/ecl.json
"""

from __future__ import annotations

import numpy as np

from _common import meta, write_json
from creditriskengine.ecl.cecl.cecl_calc import cecl_pd_lgd
from creditriskengine.ecl.ifrs9.ecl_calc import ecl_12_month, ecl_lifetime
from creditriskengine.ecl.ifrs9.sicr import assess_sicr
from creditriskengine.ecl.ind_as109.provision_floors_2026 import rbi_ecl_floor_2026
from creditriskengine.ecl.ind_as109.types import RBIExposureCategory
from creditriskengine.core.types import IFRS9Stage

rng = np.random.default_rng(20261206)

twelve_month = []
for _ in range(200):
    pd = float(np.exp(rng.uniform(np.log(1e-4), np.log(0.5))))
    lgd = float(rng.uniform(0.05, 0.95))
    ead = float(rng.uniform(1e3, 1e7))
    eir = float(rng.choice([0.0, rng.uniform(0.001, 0.25)]))
    twelve_month.append({"pd": pd, "lgd": lgd, "ead": ead, "eir": eir, "ecl": ecl_12_month(pd, lgd, ead, eir)})

lifetime = []
for _ in range(200):
    years = int(rng.integers(1, 31))
    annual = np.exp(rng.uniform(np.log(1e-4), np.log(0.4), size=years))
    survival = np.concatenate(([1.0], np.cumprod(1 - annual)[:-1]))
    marginal = survival * annual
    lgd = float(rng.uniform(0.05, 0.95))
    ead = float(rng.uniform(1e3, 1e7))
    eir = float(rng.choice([0.0, rng.uniform(0.001, 0.25)]))
    lifetime.append({"annual_pd": [float(x) for x in annual], "lgd": lgd, "ead": ead, "eir": eir,
                     "ifrs9_lifetime": ecl_lifetime(marginal, lgd, ead, eir),
                     "cecl_pd_lgd": cecl_pd_lgd(marginal, lgd, ead, eir)})

sicr = []
for _ in range(400):
    origination = float(np.exp(rng.uniform(np.log(1e-4), np.log(0.3))))
    current = float(min(origination * np.exp(rng.uniform(np.log(0.3), np.log(6))), 0.99))
    relative = float(rng.choice([1.5, 2.0, 2.5, 3.0]))
    absolute = float(rng.choice([0.0025, 0.005, 0.01]))
    sicr.append({"current_lifetime_pd": current, "origination_lifetime_pd": origination, "relative": relative,
                 "absolute": absolute,
                 "sicr": assess_sicr(current, origination, 0, relative_threshold=relative, absolute_threshold=absolute)})

# Our asset classes and the RBI categories they map to (frameworks/rbi.yaml).
categories = {
    "corporate": RBIExposureCategory.CORPORATE, "sme": RBIExposureCategory.SMALL_MICRO_ENTERPRISE,
    "residential_mortgage": RBIExposureCategory.HOUSING_LOANS_INDIVIDUALS,
    "cre": RBIExposureCategory.OTHER_COMMERCIAL_RE, "qrre": RBIExposureCategory.UNSECURED_RETAIL,
    "other_retail": RBIExposureCategory.UNSECURED_RETAIL, "bank": RBIExposureCategory.BANKS_NBFCS_REGULATED_FIS,
    "sovereign": RBIExposureCategory.CENTRAL_GOVT_GUARANTEED,
}
floors = []
for asset_class, category in categories.items():
    for stage in (IFRS9Stage.STAGE_1, IFRS9Stage.STAGE_2):
        floors.append({"asset_class": asset_class, "category": category.value, "stage": int(stage.value),
                       "floor": rbi_ecl_floor_2026(1.0, stage, category)})
    for years in (0.0, 0.5, 0.999, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 6.0):
        for secured in (True, False):
            floors.append({"asset_class": asset_class, "category": category.value, "stage": 3, "years": years,
                           "secured": secured,
                           "floor": rbi_ecl_floor_2026(1.0, IFRS9Stage.STAGE_3, category, is_secured=secured,
                                                       years_in_stage3=years)})

write_json("provisions/ecl.json", {
    "meta": meta("ecl.py", "IFRS 9 12-month and lifetime ECL, CECL PD/LGD ECL, assess_sicr, rbi_ecl_floor_2026"),
    "twelve_month": twelve_month, "lifetime": lifetime, "sicr": sicr, "rbi_floors": floors,
})
