// `npm run scores -- fit-bgnbd --summary FILE` / `fit-gamma-gamma --summary FILE`: fits a
// lifetime model on a customer summary CSV (the CDNOW layout) and prints the parameters and the
// log-likelihood as one JSON line.
import { existsSync, readFileSync } from "node:fs";
import { fitBgNbd, fitGammaGamma, ModelFitError, parseCustomerSummaryCsv } from "../server/scoring";

const USAGE = "usage: npm run scores -- fit-bgnbd|fit-gamma-gamma --summary FILE";

class UsageError extends Error {}

function summaryFrom(args: string[]) {
  const at = args.indexOf("--summary");
  const file = at >= 0 ? args[at + 1] : undefined;
  if (!file) throw new UsageError(`--summary FILE is required\n${USAGE}`);
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  return parseCustomerSummaryCsv(readFileSync(file, "utf8"));
}

const round = (value: number) => Number(value.toPrecision(10));

function run(args: string[]): Record<string, unknown> {
  const [command, ...rest] = args;
  if (command === "fit-bgnbd") {
    const fit = fitBgNbd(summaryFrom(rest));
    const { r, alpha, a, b } = fit.params;
    return { model: "bgnbd", r: round(r), alpha: round(alpha), a: round(a), b: round(b), loglik: round(fit.logLikelihood), converged: fit.converged };
  }
  if (command === "fit-gamma-gamma") {
    const summary = summaryFrom(rest);
    if (!summary.monetary) throw new UsageError("the summary needs a monetary column (zbar or monetary_value)");
    const fit = fitGammaGamma({ frequency: summary.frequency, monetary: summary.monetary });
    const { p, q, gamma } = fit.params;
    return { model: "gamma-gamma", p: round(p), q: round(q), gamma: round(gamma), loglik: round(fit.logLikelihood), converged: fit.converged };
  }
  throw new UsageError(USAGE);
}

try {
  console.log(JSON.stringify(run(process.argv.slice(2))));
} catch (error) {
  if (!(error instanceof UsageError) && !(error instanceof ModelFitError)) throw error;
  console.error(error.message);
  process.exit(1);
}
