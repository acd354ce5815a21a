# Rscript scripts/bench/analyses.R DIR
# The report's core analyses in base R + the survival package, as the comparator of `npm run bench`
# (docs/scale.md): Table 1 summaries, Kaplan–Meier OS and PFS with medians (log-log CI, as the report),
# and the confirmed ORR with its exact Clopper–Pearson interval (binom.test). Reads the cohort CSVs;
# prints one JSON object. Conventions of docs/architecture.md: Day 1 = start of induction chemotherapy,
# time = date - Day 1 + 1 days, months = days / (365.25 / 12).
suppressPackageStartupMessages(library(survival))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript scripts/bench/analyses.R DIR")
dir <- args[[1]]
read <- function(name, classes) {
  read.csv(file.path(dir, paste0(name, ".csv")), colClasses = classes, na.strings = "")
}
patients <- read("patients", c(USUBJID = "integer", AGE = "numeric", ECOG = "integer", KI67 = "numeric",
                              DIAGDT = "Date", COMORBTX = "character"))
metastases <- read("metastases", c(USUBJID = "integer", METNUM = "integer"))
treatments <- read("treatments", c(USUBJID = "integer", STDT = "Date", ENDT = "Date", CYCLES = "integer",
                                   RTDOSE = "numeric", RTFRAC = "integer"))
assessments <- read("assessments", c(USUBJID = "integer", RSDTC = "Date", TUSIZE_MM = "numeric"))
events <- read("events", c(USUBJID = "integer", EVDTC = "Date"))
n <- nrow(patients)
ids <- patients$USUBJID

pct <- function(k, d = n) list(n = k, pct = 100 * k / d)
range_stats <- function(x) list(mean = mean(x), median = median(x), min = min(x), max = max(x))
has <- function(set) ids %in% set

# Table 1
induction <- treatments[treatments$TRTPHASE == "INDUCTION", ]
first_line <- treatments[treatments$TRTCAT == "CHEMOTHERAPY" &
                           treatments$TRTPHASE %in% c("INDUCTION", "CONCURRENT", "CONSOLIDATION", "ADJUVANT"), ]
cycles <- tapply(first_line$CYCLES, factor(first_line$USUBJID, levels = ids), sum, default = 0)
crt <- treatments[treatments$TRTCAT == "RADIOTHERAPY" & treatments$TRTPHASE == "CONCURRENT", ]
surgery <- treatments[treatments$TRTCAT == "PRIMARY_SURGERY", ]
liver_pts <- unique(metastases$USUBJID[metastases$METSITE == "LIVER"])
table1 <- list(
  female = pct(sum(patients$SEX == "F")),
  age = range_stats(patients$AGE),
  ps01 = pct(sum(patients$ECOG <= 1)),
  ki67 = range_stats(patients$KI67),
  morph_lcnec = pct(sum(patients$MORPH == "LCNEC")),
  morph_scnec = pct(sum(patients$MORPH == "SCNEC")),
  morph_minen = pct(sum(patients$MORPH == "MINEN")),
  stage_metastatic = pct(sum(patients$CMSTAGE == "M1")),
  mets_liver = pct(length(liver_pts)),
  mets_peritoneum = pct(length(unique(metastases$USUBJID[metastases$METSITE == "PERITONEUM"]))),
  chemo_cis_etop = pct(sum(induction$AGENT == "CISPLATIN_ETOPOSIDE")),
  chemo_cycles = range_stats(as.numeric(cycles)),
  rt_neoadjuvant = pct(sum(crt$RTINTENT == "NEOADJUVANT")),
  rt_50gy28f = pct(sum(crt$RTDOSE == 50.4 & crt$RTFRAC == 28)),
  rt_25gy5f = pct(sum(crt$RTDOSE == 25 & crt$RTFRAC == 5)),
  surgery_yes = pct(length(unique(surgery$USUBJID))),
  resection_r0 = pct(sum(surgery$MARGIN == "R0"), nrow(surgery)),
  liver_rfa = pct(length(intersect(liver_pts, treatments$USUBJID[treatments$TRTCAT == "LIVER_RFA"])), length(liver_pts)),
  liver_resection = pct(length(intersect(liver_pts, treatments$USUBJID[treatments$TRTCAT == "LIVER_RESECTION"])),
                        length(liver_pts))
)

# Time to event from Day 1
day1 <- induction$STDT[match(ids, induction$USUBJID)]
end <- events[events$EVENT %in% c("DEATH", "LAST_CONTACT"), ]
end <- end[match(ids, end$USUBJID), ]
prog <- events[events$EVENT == "PROGRESSION", ]
first_prog <- tapply(prog$EVDTC, factor(prog$USUBJID, levels = ids), min)
first_prog <- as.Date(as.numeric(first_prog), origin = "1970-01-01")
death <- end$EVENT == "DEATH"
months <- function(days) days / (365.25 / 12)
os <- data.frame(time = months(as.numeric(end$EVDTC - day1) + 1), status = as.integer(death))
pfs_date <- ifelse(is.na(first_prog), end$EVDTC, pmin(first_prog, end$EVDTC))
pfs <- data.frame(time = months(pfs_date - as.numeric(day1) + 1), status = as.integer(!is.na(first_prog) | death))
km <- function(d) {
  fit <- survfit(Surv(time, status) ~ 1, data = d, conf.type = "log-log")
  q <- quantile(fit, probs = 0.5)
  num <- function(x) if (is.na(x)) NULL else unname(x)
  list(n = nrow(d), events = sum(d$status), km_median = num(q$quantile), km_ci_low = num(q$lower),
       km_ci_high = num(q$upper))
}

# Confirmed objective response (RECIST 1.1): CR/PR at two assessments at least 28 days apart (PD ends assessments)
resp <- assessments[assessments$RSORRES %in% c("CR", "PR"), c("USUBJID", "RSDTC")]
span <- tapply(as.numeric(resp$RSDTC), resp$USUBJID, function(d) max(d) - min(d))
responders <- sum(span >= 28)
ci <- binom.test(responders, n)$conf.int

out <- list(n = n, table1 = table1, os = km(os), pfs = km(pfs),
            orr = list(n = responders, pct = 100 * responders / n, ci_low = 100 * ci[1], ci_high = 100 * ci[2]))

# Minimal JSON writer (base R only: the bench needs r-base-core and r-cran-survival, nothing else).
json <- function(x) {
  if (is.list(x)) {
    keys <- names(x)
    inner <- vapply(seq_along(x), function(i) paste0('"', keys[i], '":', json(x[[i]])), "")
    return(paste0("{", paste(inner, collapse = ","), "}"))
  }
  if (is.null(x) || length(x) == 0) return("null")
  if (is.character(x)) return(paste0('"', x, '"'))
  format(x, digits = 15, scientific = FALSE, trim = TRUE)
}
cat(json(out), "\n", sep = "")
