import type { UserSettings } from "@canaduck/contract";
import { createContext } from "react";

/** How the user reads clocks (settings: 12- or 24-hour); lines read it without the whole chat state. */
export const ClockContext = createContext<UserSettings["clock"]>("24h");
