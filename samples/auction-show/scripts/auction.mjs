// Hands the sale in lots.json to the auctioneer behaviour (plugins/StreamEngine.Plugins.Auctioneer) once it runs
// (behaviours start at the first frame, after the scripts load). Loading the same lots again at a restart changes
// nothing, so the sale resumes from its records.
import lots from "./lots.json" with { type: "json" };

after(0.1, () => call("auctioneer", "load", lots));
