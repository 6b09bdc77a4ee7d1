/**
 * How the compliance view opens the evidence page: the app shell (App.tsx) provides the function
 * that switches to that screen, so the designer between them needs no prop for it.
 */
import { createContext, useContext } from 'react';

export const OpenEvidenceContext = createContext<(() => void) | null>(null);

export const useOpenEvidence = () => useContext(OpenEvidenceContext);
