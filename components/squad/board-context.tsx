'use client';
import { createContext, useContext } from 'react';
import type { BoardAlert, ViewRow } from './board-model';

/** What the cells need from the page, kept out of the module-level column definitions. */
export interface BoardContextValue {
  teamId: string;
  /** The signed-in coach: their own acknowledgement reads "you". */
  viewerId: string;
  acknowledge: (row: ViewRow, alert: BoardAlert) => void;
  /** Alert ids whose acknowledgement is on its way to the server. */
  acknowledging: ReadonlySet<string>;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('board cells must render inside <BoardContext>');
  return value;
}
