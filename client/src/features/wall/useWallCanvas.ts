/** The canvas geometry for the window as it is now, following resizes. */
import { useEffect, useState } from 'react';
import { canvasGeometry, type CanvasGeometry } from './wallCanvas.ts';

export function useWallCanvas(override: { width: number; height: number } | null): CanvasGeometry {
  const measure = () => canvasGeometry({ width: window.innerWidth, height: window.innerHeight }, override);
  const [geometry, setGeometry] = useState(measure);
  useEffect(() => {
    const onResize = () =>
      setGeometry(canvasGeometry({ width: window.innerWidth, height: window.innerHeight }, override));
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [override]);
  return geometry;
}
